package briefingtest

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/briefing"
	"github.com/brief-news/brief/summarize"
)

//go:embed entries.json
var entriesJSON []byte

// Day is the date of the sample day.
var Day = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)

// Entries returns ten articles of one day written for these tests: one
// story rewritten by three outlets (a Rotterdam port strike), a wire story
// copied by two, two other stories on the strike's topic, and one story
// each from the Americas, Africa and nowhere in particular.
func Entries() []briefing.Entry {
	var es []briefing.Entry
	if err := json.Unmarshal(entriesJSON, &es); err != nil {
		panic(fmt.Sprintf("briefingtest: entries.json: %v", err))
	}
	return es
}

// Skipped returns two failed inputs, one with a long URL.
func Skipped() []briefing.Skipped {
	return []briefing.Skipped{
		{Source: "examples/missing.html", Reason: "open examples/missing.html: no such file or directory"},
		{Source: "https://news.example/2026/11/24/a-very-long-address/with/many/parts/that-goes-on-and-on-well-beyond-the-width-of-any-page?utm_source=feed&utm_medium=rss&id=1234567890",
			Reason: "fetch: 404 Not Found"},
	}
}

// Hostile returns articles whose text tries to break renderers: markup,
// Markdown and template syntax in titles, quotes and names; characters no
// embedded font draws; a very long unbroken URL and word.
func Hostile() []briefing.Entry {
	pub := Day.Add(9 * time.Hour)
	return []briefing.Entry{
		{
			Article: &article.Article{
				ID: "hostile-1", URL: "https://evil.example/a?x=1&y=<2>", Site: "<b>Evil</b> & Co",
				Title:      `<script>alert("x")</script> *Bold* [link](http://x) {{.Title}} # not a heading`,
				Byline:     "By `Mallory` | _Editor_",
				Published:  pub,
				Paragraphs: []string{"A body that nobody renders."},
			},
			Digest: &summarize.Digest{
				Takeaways: []string{`Takeaway with <img src=x onerror=alert(1)> and **stars** and {{template "x"}}.`, "Second line\nwith a newline and a\ttab."},
				Quotes:    []summarize.Quote{{Text: `We said "<b>no</b>" and [meant](it) {{end}}`, Speaker: "Dr. <i>Who</i>", Role: "head of *things*"}},
				Region:    "Europe", Country: "FR",
			},
		},
		{
			Article: &article.Article{
				ID: "hostile-2", URL: "https://example.org/" + strings.Repeat("very-long-path-segment-", 12) + "end",
				Site:       "Scripts Daily",
				Title:      "Fans cheer 🎉 in Tōkyō; 東京 welcomes Nguyễn Thị Minh Khai, Ελλάδα and Москва",
				Published:  pub.Add(time.Hour),
				Paragraphs: []string{"Emoji and scripts."},
			},
			Digest: &summarize.Digest{
				Takeaways: []string{"An unbroken word: " + strings.Repeat("Donaudampfschifffahrtsgesellschaft", 5) + ".", "Mixed 👨‍👩‍👧 family emoji and 中文 text."},
				Region:    "Asia-Pacific", Country: "JP",
			},
		},
		{
			// No title: the headline is the address.
			Article: &article.Article{
				ID: "hostile-3", URL: "https://untitled.example/2026/11/24/regional-news/harbour-authority-publishes-" +
					"quarterly-statistics-for-container-throughput-and-vessel-calls?utm_source=rss&utm_medium=feed&ref=frontpage",
				Published:  pub.Add(2 * time.Hour),
				Paragraphs: []string{"Untitled."},
			},
			Digest: &summarize.Digest{Takeaways: []string{"The page had no title."}},
		},
	}
}

// Scripts returns four articles written for these tests in Chinese,
// Russian, Greek and Arabic, each with a quote in its own script: the
// briefing a renderer must draw without a single replaced character.
func Scripts() []briefing.Entry {
	pub := Day.Add(8 * time.Hour)
	mk := func(id, site, url, title, lang string, paras, takeaways []string, q summarize.Quote, country, region string, h int) briefing.Entry {
		return briefing.Entry{
			Article: &article.Article{
				ID: id, URL: url, Site: site, Title: title, Language: lang,
				Published: pub.Add(time.Duration(h) * time.Hour), Paragraphs: paras,
			},
			Digest: &summarize.Digest{Takeaways: takeaways, Quotes: []summarize.Quote{q}, Country: country, Region: region},
		}
	}
	return []briefing.Entry{
		mk("zh-1", "深圳晨报", "https://szmorning.example/2026/11/24/metro-line-20",
			"深圳地铁20号线开通，预计日客流量达三十万人次", "zh",
			[]string{"深圳地铁20号线于周二上午正式开通运营，全长约二十六公里，共设十五座车站。", "市交通局表示，新线路将缩短机场与会展中心之间的通勤时间。"},
			[]string{"深圳地铁20号线周二开通，全长约二十六公里，设十五座车站。", "市交通局预计日客流量将达三十万人次。"},
			summarize.Quote{Text: "新线路将把机场到会展中心的时间缩短一半。", Speaker: "李明华", Role: "深圳市交通局局长"}, "CN", "Asia-Pacific", 0),
		mk("ru-1", "Сибирский вестник", "https://sibvestnik.example/2026/11/24/most-cherez-ob",
			"В Новосибирске открыли четвёртый мост через Обь — движение запущено на шести полосах", "ru",
			[]string{"Четвёртый мост через Обь в Новосибирске открыли во вторник утром.", "По словам мэрии, мост разгрузит центр города."},
			[]string{"Мост длиной 1,5 км соединил Кировский и Октябрьский районы.", "Мэрия ожидает, что пробки в центре сократятся на треть."},
			summarize.Quote{Text: "Мост сократит дорогу через реку с сорока минут до десяти.", Speaker: "Ольга Кузнецова", Role: "заместитель мэра Новосибирска"}, "RU", "Europe", 1),
		mk("el-1", "Αθηναϊκός Τύπος", "https://athinaikos.example/2026/11/24/metro-peiraias",
			"Η Αθήνα εγκαινιάζει νέο σταθμό του μετρό στον Πειραιά", "el",
			[]string{"Ο νέος σταθμός του μετρό στον Πειραιά άνοιξε την Τρίτη για το κοινό.", "Η Αττικό Μετρό εκτιμά ότι θα εξυπηρετεί 40.000 επιβάτες την ημέρα."},
			[]string{"Ο σταθμός εξυπηρετεί 40.000 επιβάτες την ημέρα, σύμφωνα με την Αττικό Μετρό.", "Η σύνδεση με το λιμάνι μειώνει τον χρόνο μετακίνησης κατά είκοσι λεπτά."},
			summarize.Quote{Text: "Ο Πειραιάς αποκτά επιτέλους σύνδεση με το κέντρο σε δεκαπέντε λεπτά.", Speaker: "Νίκος Παπαδόπουλος", Role: "πρόεδρος της Αττικό Μετρό"}, "GR", "Europe", 2),
		mk("ar-1", "صحيفة الخليج اليوم", "https://khaleejtoday.example/2026/11/24/aqaba-desalination",
			"افتتاح محطة تحلية جديدة في العقبة لتزويد مئة ألف أسرة بالمياه", "ar",
			[]string{"افتتحت الحكومة الأردنية يوم الثلاثاء محطة تحلية جديدة في مدينة العقبة.", "وقالت سلطة المياه إن المحطة ستنتج خمسين مليون متر مكعب سنويا."},
			[]string{"المحطة الجديدة في العقبة تنتج 50 مليون متر مكعب من المياه سنويا.", "المشروع يخدم مئة ألف أسرة في جنوب الأردن."},
			summarize.Quote{Text: "هذه المحطة خطوة أساسية لتأمين مياه الشرب للأجيال القادمة.", Speaker: "سامي الخطيب", Role: "مدير سلطة المياه"}, "JO", "Middle East", 3),
	}
}

// Synthetic returns n generated entries, deterministic for a seed: about
// one in five repeats an earlier story under another site, as duplicates
// do in a real day; bodies have eight paragraphs.
func Synthetic(n int, seed uint64) []briefing.Entry {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	regions := []struct{ region, country string }{
		{"Europe", "FR"}, {"Europe", "DE"}, {"Americas", "US"}, {"Americas", "BR"},
		{"Asia-Pacific", "JP"}, {"Asia-Pacific", "MY"}, {"Middle East", "IL"}, {"Africa", "KE"}, {"", ""},
	}
	word := func() string {
		if rng.IntN(5) < 2 {
			return functionWords[rng.IntN(len(functionWords))]
		}
		return syllables[rng.IntN(len(syllables))] + syllables[rng.IntN(len(syllables))] + syllables[rng.IntN(len(syllables))]
	}
	var names []string
	sentence := func(words int) string {
		ws := make([]string, words)
		for i := range ws {
			ws[i] = word()
		}
		if len(names) > 0 && words > 4 {
			ws[2] = names[rng.IntN(len(names))]
			ws[words-2] = fmt.Sprint(rng.IntN(1000))
		}
		ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
		return strings.Join(ws, " ") + "."
	}
	out := make([]briefing.Entry, 0, n)
	for i := range n {
		if i > 4 && rng.IntN(5) == 0 {
			// The same story from another outlet: a copy with a new title
			// and its last paragraph dropped.
			src := out[rng.IntN(len(out))]
			a := *src.Article
			a.ID = fmt.Sprintf("syn-%d", i)
			a.Site = fmt.Sprintf("Outlet %d", i%37)
			a.URL = fmt.Sprintf("https://outlet%d.example/story/%d", i%37, i)
			a.Title = sentence(8)
			a.Paragraphs = a.Paragraphs[:len(a.Paragraphs)-1]
			d := *src.Digest
			d.Quotes = d.Quotes[:len(d.Quotes)/2]
			out = append(out, briefing.Entry{Article: &a, Digest: &d, Added: src.Added})
			continue
		}
		r := regions[rng.IntN(len(regions))]
		names = names[:0]
		for range 5 {
			w := syllables[rng.IntN(len(syllables))] + syllables[rng.IntN(len(syllables))] + syllables[rng.IntN(len(syllables))]
			names = append(names, strings.ToUpper(w[:1])+w[1:])
		}
		paras := make([]string, 8)
		for j := range paras {
			paras[j] = sentence(12+rng.IntN(10)) + " " + sentence(10+rng.IntN(10)) + " " + sentence(8+rng.IntN(10))
		}
		d := &summarize.Digest{Region: r.region, Country: r.country, Backend: "synthetic"}
		for range 3 {
			d.Takeaways = append(d.Takeaways, sentence(18+rng.IntN(10)))
		}
		for range rng.IntN(4) {
			d.Quotes = append(d.Quotes, summarize.Quote{Text: sentence(15 + rng.IntN(15)), Speaker: "Speaker " + word(), Role: "analyst at " + word()})
		}
		pub := Day.Add(time.Duration(rng.IntN(24*60)) * time.Minute)
		out = append(out, briefing.Entry{
			Article: &article.Article{
				ID: fmt.Sprintf("syn-%d", i), URL: fmt.Sprintf("https://site%d.example/news/%d", i%53, i),
				Site: fmt.Sprintf("Site %d", i%53), Title: sentence(9), Byline: "Reporter " + word(),
				Published: pub, Paragraphs: paras,
			},
			Digest: d, Added: pub,
		})
	}
	return out
}

var functionWords = []string{"the", "of", "and", "to", "in", "a", "that", "said", "on", "for", "with", "was", "as", "by", "at", "from", "its", "it", "is", "after"}

var syllables = []string{"ka", "lo", "mi", "ra", "te", "su", "no", "vi", "da", "pe", "zo", "ri", "ha", "gu", "be", "fa", "jo", "ne", "wi", "xu", "ly", "qua", "sto", "bra", "tri"}
