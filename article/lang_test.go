package article_test

import (
	"strings"
	"testing"

	"github.com/brief-news/brief/article"
)

func TestExtractLanguage(t *testing.T) {
	for _, tt := range []struct {
		name, lang, text, want, wantSource string
	}{
		{"russian, no markup", "", "Городской совет в среду одобрил план строительства нового моста через реку. Работы начнутся весной и продлятся около двух лет, сообщили в мэрии.", "ru", "text"},
		{"ukrainian", "", "Міська рада в середу схвалила план будівництва нового мосту через річку. Роботи почнуться навесні і триватимуть близько двох років, повідомили в мерії.", "uk", "text"},
		{"chinese", "", "市政府周三批准了在河上修建一座新桥的计划。工程将于明年春天开始，预计持续大约两年。市长表示，新桥将大大缓解市中心的交通压力。", "zh", "text"},
		{"japanese", "", "市議会は水曜日、川に新しい橋を建設する計画を承認した。工事は来年の春に始まり、約二年間続く見込みだと市役所が発表した。", "ja", "text"},
		{"arabic", "", "وافق مجلس المدينة يوم الأربعاء على خطة لبناء جسر جديد فوق النهر. وستبدأ الأعمال في الربيع وتستمر نحو عامين، بحسب ما أعلنت البلدية.", "ar", "text"},
		{"greek", "", "Το δημοτικό συμβούλιο ενέκρινε την Τετάρτη το σχέδιο για την κατασκευή νέας γέφυρας πάνω από το ποτάμι. Οι εργασίες θα ξεκινήσουν την άνοιξη.", "el", "text"},
		{"german", "", "Der Stadtrat hat am Mittwoch den Bau einer neuen Brücke über den Fluss beschlossen. Die Arbeiten sollen im Frühjahr beginnen und etwa zwei Jahre dauern, wie die Stadt mitteilte. Die Kosten werden auf rund 40 Millionen Euro geschätzt, und der Bund will einen Teil davon übernehmen.", "de", "text"},
		{"english", "", "The city council approved on Wednesday a plan to build a new bridge over the river. Work will start in the spring and is expected to take about two years, the mayor's office said. The cost has been put at about 40 million euros, and the national government has agreed to pay part of it.", "en", "text"},
		{"french", "", "Le conseil municipal a approuvé mercredi le projet de construction d'un nouveau pont sur la rivière. Les travaux commenceront au printemps et dureront environ deux ans, selon la mairie. Le coût est estimé à 40 millions d'euros, dont une partie sera prise en charge par l'État.", "fr", "text"},
		{"spanish", "", "El ayuntamiento aprobó el miércoles el plan para construir un nuevo puente sobre el río. Las obras comenzarán en primavera y durarán unos dos años, según informó la alcaldía. El coste se estima en 40 millones de euros, y el Gobierno pagará una parte de la obra.", "es", "text"},
		{"markup agrees", "de", "Der Stadtrat hat am Mittwoch den Bau einer neuen Brücke über den Fluss beschlossen. Die Arbeiten sollen im Frühjahr beginnen und etwa zwei Jahre dauern, wie die Stadt mitteilte. Die Kosten werden auf rund 40 Millionen Euro geschätzt, und der Bund will einen Teil davon übernehmen.", "de", "meta"},
		{"theme's lang=en on a German page", "en-US", "Der Stadtrat hat am Mittwoch den Bau einer neuen Brücke über den Fluss beschlossen. Die Arbeiten sollen im Frühjahr beginnen und etwa zwei Jahre dauern, wie die Stadt mitteilte. Die Kosten werden auf rund 40 Millionen Euro geschätzt, und der Bund will einen Teil davon übernehmen.", "de", "text"},
		{"too little text to overrule markup", "es", "Der Stadtrat hat am Mittwoch den Bau einer neuen Brücke über den Fluss Wertach beschlossen.", "es", "meta"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			page := `<html lang="` + tt.lang + `"><head><title>x</title></head><body><article><p>` + tt.text + `</p></article></body></html>`
			if tt.lang == "" {
				page = strings.Replace(page, ` lang=""`, "", 1)
			}
			a, err := article.Extract(strings.NewReader(page), nil)
			if err != nil {
				t.Fatal(err)
			}
			if a.Language != tt.want || a.Sources["language"] != tt.wantSource {
				t.Errorf("language = %q from %q, want %q from %q", a.Language, a.Sources["language"], tt.want, tt.wantSource)
			}
		})
	}
}
