package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Language detection from the text, for pages whose markup is silent. A
// non-Latin script names its language (kana: Japanese, Hangul: Korean, Han
// alone: Chinese, Cyrillic and Arabic told apart by the letters only some
// of their languages use); Latin-script text is matched against the most
// frequent short words of the main languages written in it. It answers ""
// when the text is too short or no language stands out.

// scriptLang maps a Unicode script to the language written in it, for
// scripts used by one main language.
var scriptLang = []struct {
	table *unicode.RangeTable
	lang  string
}{
	{unicode.Hangul, "ko"}, {unicode.Greek, "el"}, {unicode.Hebrew, "he"}, {unicode.Thai, "th"},
	{unicode.Devanagari, "hi"}, {unicode.Bengali, "bn"}, {unicode.Tamil, "ta"}, {unicode.Telugu, "te"},
	{unicode.Gujarati, "gu"}, {unicode.Kannada, "kn"}, {unicode.Malayalam, "ml"}, {unicode.Gurmukhi, "pa"},
	{unicode.Georgian, "ka"}, {unicode.Armenian, "hy"}, {unicode.Khmer, "km"}, {unicode.Lao, "lo"},
	{unicode.Myanmar, "my"}, {unicode.Sinhala, "si"}, {unicode.Ethiopic, "am"},
}

// stopwords are frequent short words of Latin-script languages; a word
// that several languages share counts for each.
var stopwords = func() map[string][]string {
	lists := map[string]string{
		"en": "the and of to in is that for it was on with as are be at by this have from not but they his her which you we said has were been will would their there an or",
		"de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über so zum war haben nur oder aber vor zur bis mehr durch",
		"fr": "le la les de des et est un une du en que qui dans pour pas sur au par il elle ne se plus avec sont ce son sa ses aux ont été cette mais nous vous leur",
		"es": "el la los las de del y en que un una por con para es no se su al lo como más pero sus le ya o fue este ha sí porque esta entre cuando muy sin sobre también",
		"it": "il la di che e è per un una in del della non con sono si le dei gli lo al alla anche come più ma ha nel nella questo sua suo loro essere stato delle",
		"pt": "o a os as de do da dos das e em que um uma para com não por é no na se mais ao como mas foi ele ela seu sua ou são pelo pela também já está",
		"nl": "de het een en van in is dat op te zijn met voor niet aan er die ook als bij om maar dan wordt door nog naar heeft uit was worden kan deze",
		"pl": "i w na z że do nie się to jest o jak a po przez dla od ale tak już są jego co może być tylko oraz jej które który była był też",
		"sv": "och i att det som en på är av för med till den inte har de ett om var men från så kan vi han hon ska sig efter också när",
		"da": "og i at det som en på er af for med til den ikke har de et om var men fra så kan vi han hun skal sig efter også når være blev",
		"nb": "og i at det som en på er av for med til den ikke har de et om var men fra så kan vi han hun skal seg etter også når være ble",
		"fi": "ja on ei että se oli hän kun mutta myös tai ovat kuin niin jo sen ole mitä joka olla tämä vain nyt voi sitä",
		"cs": "a v se na je že to s z do o ve k i jako pro by ale jsou za po jak také který která bylo byl jeho není už",
		"hu": "a az és hogy nem is egy meg van volt de csak már el ki mint még azt sem fel vagy lesz kell ha mert",
		"ro": "și de la în a cu care nu pe o din că se un o mai este au fost pentru ce sunt lui ei dar sau acest",
		"tr": "ve bir bu da de için ile olarak çok daha en gibi ne ama olan var ki o mi sonra kadar değil şey",
		"id": "yang dan di ini itu dengan untuk dari tidak dalam akan pada juga ke ada karena oleh adalah bisa mereka sudah saya",
		"ca": "el la els les de del i a en que un una per amb no és es va al com més però són hi ha seu seva",
		"hr": "i u je na se da za su od koji ne s a kao iz ili što bi to bio sve samo još može",
		"sk": "a v sa na je že to s z do o vo k aj ako pre by ale sú za po tak aby ktorý ktorá bolo bol jeho nie už",
		"sl": "in v je na se da za so od ki ne z s kot iz ali bi to bil vse samo še lahko pa tudi",
	}
	m := make(map[string][]string, 600)
	for lang, ws := range lists {
		for _, w := range strings.Fields(ws) {
			m[w] = append(m[w], lang)
		}
	}
	return m
}()

// detectLanguage returns the ISO 639-1 code of the language paragraphs are
// written in, or "". sure reports a clear answer: a script of its own, or
// the short words of one language far more frequent than any other's.
func detectLanguage(paragraphs []string) (lang string, sure bool) {
	var latin, han, kana, cyr, arabic, letters int
	other := map[string]int{}
	scores := map[string]int{}
	words := 0
	seen := 0
	var cyrMarks, arMarks [8]int
	for _, p := range paragraphs {
		if seen > 3000 {
			break
		}
		for _, w := range strings.FieldsFunc(p, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
			seen += len(w)
			r, _ := utf8.DecodeRuneInString(w)
			if r < 0x250 {
				words++
				if ls, ok := stopwords[strings.ToLower(w)]; ok {
					for _, l := range ls {
						scores[l]++
					}
				}
			}
			for _, r := range w {
				letters++
				switch {
				case r < 0x250:
					latin++
				case unicode.Is(unicode.Han, r):
					han++
				case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
					kana++
				case unicode.Is(unicode.Cyrillic, r):
					cyr++
					cyrMarks[cyrillicMark(r)]++
				case unicode.Is(unicode.Arabic, r):
					arabic++
					arMarks[arabicMark(r)]++
				default:
					for _, s := range scriptLang {
						if unicode.Is(s.table, r) {
							other[s.lang]++
							break
						}
					}
				}
			}
		}
	}
	if letters < 20 {
		return "", false
	}
	switch {
	case kana*10 > letters && kana+han > letters/2:
		return "ja", true
	case han > letters/2:
		return "zh", true
	case cyr > letters/2:
		switch {
		case cyrMarks[1] > 0 && cyrMarks[1] >= cyrMarks[2]:
			return "uk", true
		case cyrMarks[3] > 0:
			return "sr", true
		case cyrMarks[4] > 0:
			return "be", true
		case cyrMarks[5] > 0:
			return "mk", true
		case cyrMarks[2] == 0 && cyrMarks[6]*50 > cyr:
			return "bg", true // ъ in use, no ы or э
		}
		return "ru", true
	case arabic > letters/2:
		switch {
		case arMarks[2] > 0:
			return "ur", true
		case arMarks[1]*200 > arabic:
			return "fa", true
		}
		return "ar", true
	}
	for l, n := range other {
		if n > letters/2 {
			return l, true
		}
	}
	if latin <= letters/2 || words < 8 {
		return "", false
	}
	best, second, lang := 0, 0, ""
	for l, n := range scores {
		switch {
		case n > best || n == best && l < lang:
			if n > best {
				second = best
			}
			best, lang = n, l
		case n > second:
			second = n
		}
	}
	// A language stands out when its words are frequent and clearly ahead
	// (Danish and Norwegian share too much to be told apart by this list:
	// a tie is no answer).
	if best*20 < words || best <= second || best-second < 2 && best < second*6/5 {
		return "", false
	}
	return lang, words >= 30 && best*8 >= words && best >= 3*second
}

// cyrillicMark sorts Cyrillic letters that only some languages use: 1
// Ukrainian (і ї є ґ), 2 Russian (ы э ё), 3 Serbian (ђ ћ џ љ њ ј), 4
// Belarusian (ў), 5 Macedonian (ѓ ќ ѕ), 6 ъ; 0 for the rest.
func cyrillicMark(r rune) int {
	switch unicode.ToLower(r) {
	case 'і', 'ї', 'є', 'ґ':
		return 1
	case 'ы', 'э', 'ё':
		return 2
	case 'ђ', 'ћ', 'џ', 'љ', 'њ', 'ј':
		return 3
	case 'ў':
		return 4
	case 'ѓ', 'ќ', 'ѕ':
		return 5
	case 'ъ':
		return 6
	}
	return 0
}

// arabicMark sorts Arabic-script letters: 1 Persian (پ چ ژ گ), 2 Urdu (ٹ ڈ
// ڑ ں ے); 0 for the rest.
func arabicMark(r rune) int {
	switch r {
	case 'پ', 'چ', 'ژ', 'گ':
		return 1
	case 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے':
		return 2
	}
	return 0
}
