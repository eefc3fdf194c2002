package extractive_test

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize/extractive"
)

var update = flag.Bool("update", false, "rewrite golden files")

func mustArticle(tb testing.TB, name string) *article.Article {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "takeaways", name))
	if err != nil {
		tb.Fatal(err)
	}
	a, err := article.FromText(string(b))
	if err != nil {
		tb.Fatalf("FromText(%s): %v", name, err)
	}
	return a
}

// TestTakeawaysGolden pins the takeaways of each fixture article.
func TestTakeawaysGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "takeaways", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			got := strings.Join(extractive.Takeaways(mustArticle(t, name), 3), "\n") + "\n"
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("Takeaways(%s) =\n%s\nwant\n%s", name, got, want)
			}
		})
	}
}

// checkRules asserts the rules every list of takeaways keeps: at most n,
// each a distinct complete sentence of the article of 8–80 words (over 40
// only when shorter ones run out) that is
// not a question, listed in article order.
func checkRules(t *testing.T, a *article.Article, n int, got []string) {
	t.Helper()
	if len(got) > n {
		t.Errorf("got %d takeaways, want at most %d", len(got), n)
	}
	text := a.Text()
	last := -1
	seen := map[string]bool{}
	for _, s := range got {
		if seen[s] {
			t.Errorf("takeaway %q repeated", s)
		}
		seen[s] = true
		at := strings.Index(text, s)
		if at < 0 {
			t.Errorf("takeaway %q is not in the article", s)
			continue
		}
		if at <= last {
			t.Errorf("takeaway %q is out of article order", s)
		}
		last = at
		if w := len(strings.Fields(s)); w < 8 || w > 80 {
			t.Errorf("takeaway %q has %d words, want 8–80", s, w)
		}
		if strings.HasSuffix(strings.TrimRight(s, `"'”’`), "?") {
			t.Errorf("takeaway %q is a question", s)
		}
	}
}

func TestTakeawaysRules(t *testing.T) {
	for _, name := range []string{"tabloid.txt", "wire.txt", "lowercase.txt", "french.txt"} {
		a := mustArticle(t, name)
		for n := 1; n <= 5; n++ {
			got := extractive.Takeaways(a, n)
			if len(got) == 0 {
				t.Errorf("Takeaways(%s, %d) is empty", name, n)
			}
			checkRules(t, a, n, got)
		}
	}
}

func TestTakeawaysCount(t *testing.T) {
	for _, tt := range []struct {
		file string
		n    int
		want int
	}{
		{"wire.txt", 1, 1},
		{"wire.txt", 3, 3},
		{"wire.txt", 5, 5},
		{"short.txt", 3, 1},   // two sentences: at most half, no padding
		{"oneline.txt", 3, 1}, // one sentence
		{"wire.txt", 0, 0},
	} {
		got := extractive.Takeaways(mustArticle(t, tt.file), tt.n)
		if len(got) != tt.want {
			t.Errorf("len(Takeaways(%s, %d)) = %d, want %d: %q", tt.file, tt.n, len(got), tt.want, got)
		}
	}
	for _, a := range []*article.Article{nil, {}, {Paragraphs: []string{"", "  "}}} {
		if got := extractive.Takeaways(a, 3); len(got) != 0 {
			t.Errorf("Takeaways(%#v, 3) = %q, want none", a, got)
		}
	}
}

// TestTakeawaysBoilerplate checks that page furniture is never a takeaway,
// however central its words are.
func TestTakeawaysBoilerplate(t *testing.T) {
	a := mustArticle(t, "tabloid.txt")
	got := extractive.Takeaways(a, 5)
	checkRules(t, a, 5, got)
	for _, s := range got {
		for _, bad := range []string{"PUBLISHED", "By .", "Scroll down", "Read more", "Photo:", "(pictured)", "Was it worth"} {
			if strings.Contains(s, bad) {
				t.Errorf("takeaway %q contains boilerplate %q", s, bad)
			}
		}
	}

	// HTML-derived paragraphs: labels and prompts stand as paragraphs.
	h := &article.Article{Paragraphs: []string{
		"Advertisement",
		"The regional water authority will ban garden hoses across the county from Monday after the driest spring in fifty years.",
		"Read more: How the drought is hitting farmers across the county this spring and summer",
		"Reservoir levels have fallen to 41 percent of capacity, the authority said, against 80 percent at this time last year.",
		"Photo: County water authority reservoir at Brant Hill, taken by staff photographer on Tuesday",
		"Follow us on Twitter for the latest updates on the drought and the hosepipe ban in the county",
		"Households that break the ban face fines of up to 1,000 pounds, although officials said warnings would come first.",
	}}
	got = extractive.Takeaways(h, 3)
	checkRules(t, h, 3, got)
	for _, s := range got {
		if strings.HasPrefix(s, "Read more") || strings.HasPrefix(s, "Photo:") || strings.HasPrefix(s, "Follow us") {
			t.Errorf("takeaway %q is boilerplate", s)
		}
	}
	if len(got) != 3 {
		t.Errorf("got %d takeaways from the HTML paragraphs, want 3: %q", len(got), got)
	}
}

// TestTakeawaysRepeatedCaption checks that a caption repeating the story's
// opening is dropped and the story sentence kept.
func TestTakeawaysRepeatedCaption(t *testing.T) {
	a := mustArticle(t, "tabloid.txt")
	got := extractive.Takeaways(a, 3)
	if slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "Rescued:") }) {
		t.Errorf("Takeaways kept the repeated caption: %q", got)
	}
	if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "A terrier that spent three nights") }) {
		t.Errorf("Takeaways lost the opening sentence: %q", got)
	}
}

// TestTakeawaysLowercase checks that lowercased text gives the same
// takeaways as the original, lowercased.
func TestTakeawaysLowercase(t *testing.T) {
	cased := extractive.Takeaways(mustArticle(t, "wire.txt"), 4)
	lower := extractive.Takeaways(mustArticle(t, "lowercase.txt"), 4)
	if len(cased) != len(lower) {
		t.Fatalf("lowercased text gave %d takeaways, cased %d:\n%q\n%q", len(lower), len(cased), lower, cased)
	}
	for i := range cased {
		// The dateline is stripped from both.
		if strings.ToLower(cased[i]) != lower[i] {
			t.Errorf("takeaway %d: lowercased %q, cased %q", i, lower[i], cased[i])
		}
	}
}

// TestTakeawaysDependentOpeners checks that a sentence opening with a
// pronoun or connective, or made mostly of a quotation, loses to a
// self-contained twin, unless it follows the sentence it leans on.
func TestTakeawaysDependentOpeners(t *testing.T) {
	para := func(ss ...string) *article.Article {
		return &article.Article{Paragraphs: []string{strings.Join(ss, " ")}}
	}
	lede := "The harbour board approved a plan on Monday to dredge the main shipping channel at Port Ellis this autumn."
	other := []string{
		"Fishing crews have complained for years that silt damages their boats at low tide in the harbour.",
		"Local councillors welcomed the decision but asked for the work to avoid the summer tourist season.",
		"A public meeting about the plan will be held in the town hall next month with the engineers present.",
		"The last dredging of the harbour took place in 1998 and was paid for by a government grant.",
	}
	for _, tt := range []struct {
		name, dependent, twin string
	}{
		{"pronoun",
			"It said the dredging of the shipping channel at Port Ellis would cost twelve million pounds and take nine weeks.",
			"The board said the dredging of the shipping channel at Port Ellis would cost twelve million pounds and take nine weeks."},
		{"connective",
			"However, the dredging of the shipping channel at Port Ellis will cost twelve million pounds and take nine weeks.",
			"The dredging of the shipping channel at Port Ellis will cost twelve million pounds and take nine weeks, the board said."},
		{"quotation",
			`"The dredging of the shipping channel at Port Ellis will cost twelve million pounds and take nine weeks," it said.`,
			"The board said the dredging of the shipping channel at Port Ellis would cost twelve million pounds and take nine weeks."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// The dependent sentence comes first, away from the lede.
			a := para(append([]string{lede, other[0], tt.dependent, other[1], tt.twin}, other[2:]...)...)
			got := extractive.Takeaways(a, 2)
			checkRules(t, a, 2, got)
			if !slices.Contains(got, tt.twin) || slices.Contains(got, tt.dependent) {
				t.Errorf("Takeaways = %q, want the self-contained twin %q", got, tt.twin)
			}
		})
	}
	// Right after the sentence it leans on, a pronoun opener is fine: it
	// is shown joined to that sentence, so its "It" points somewhere.
	next := "It said the work would cost twelve million pounds and take nine weeks to complete from September."
	a := para(lede, next, other[0], other[1], other[2], other[3])
	if got := extractive.Takeaways(a, 2); len(got) != 2 || got[0] != lede+" "+next {
		t.Errorf("Takeaways = %q, want the lede joined by the pronoun sentence after it", got)
	}
}

func TestLead(t *testing.T) {
	a := mustArticle(t, "wire.txt")
	got := extractive.Lead(a, 3)
	want := []string{
		"LONDON (Newswire) - Britain's central bank raised its main interest rate by a quarter point to 5.25 percent on Thursday, its fourteenth increase in a row, and said inflation would fall more slowly than it had hoped.",
		"The Bank of England's Monetary Policy Committee voted six to three for the rise.",
		"Two members wanted a larger increase of half a point, while one voted to keep rates on hold.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Lead(wire, 3) =\n%q\nwant\n%q", got, want)
	}
	if got := extractive.Lead(mustArticle(t, "short.txt"), 5); len(got) != 2 {
		t.Errorf("Lead(short, 5) has %d sentences, want 2", len(got))
	}
	if got := extractive.Lead(nil, 3); got != nil {
		t.Errorf("Lead(nil, 3) = %q, want nil", got)
	}
}

// FuzzTakeaways checks that no input makes Takeaways panic or break its
// rules.
func FuzzTakeaways(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "takeaways", "*.txt"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b), 3)
	}
	f.Add("“?” ‘ . ’ (CNN) -- a.m. U.S. Dr. No. 5 3.5 …", 2)
	f.Fuzz(func(t *testing.T, text string, n int) {
		n = n%8 + 1
		if n < 1 {
			n = -n + 1
		}
		a, err := article.FromText(text)
		if err != nil {
			return
		}
		got := extractive.Takeaways(a, n)
		if len(got) > n {
			t.Errorf("Takeaways(%q, %d) gave %d", text, n, len(got))
		}
		for _, s := range got {
			if strings.TrimSpace(s) == "" {
				t.Errorf("Takeaways(%q, %d) has an empty takeaway", text, n)
			}
		}
		_ = extractive.Lead(a, n)
	})
}

// TestTakeawaysScripts checks that articles in Chinese and Japanese (no
// spaces, "。" ends sentences) and articles written in long sentences
// give as many takeaways as they have room for.
func TestTakeawaysScripts(t *testing.T) {
	long := "The regional transport authority announced on Wednesday that it would suspend the night service on three of its busiest tram lines from the first week of March, citing a shortage of trained drivers, rising maintenance costs on the older vehicles and a long dispute with the union over shift patterns that has not been settled."
	for _, tt := range []struct {
		name  string
		paras []string
		n     int
		want  int
	}{
		{"japanese", []string{
			"市議会は二十日、駅前の再開発計画を賛成多数で可決し、来年の春から工事を始めることを決めました。",
			"計画では古い商店街を取り壊して、図書館と保育所が入る十二階建ての建物を造ります。",
			"反対した議員は、工事の費用が当初の見込みより三割以上増えていると指摘しました。",
			"市は、国の補助金を使うので市民の負担は大きく増えないと説明しています。",
			"商店街の店主たちは、新しい建物の一階に店を移すことができるかどうか心配しています！",
			"市長は記者会見で、住民への説明会を来月から各地区で開く考えを示しました。",
		}, 3, 3},
		{"chinese", []string{
			"市政府周三宣布，将在明年春季之前完成城北地铁线的全部隧道工程。",
			"这条线路全长二十八公里，共设十九座车站，预计每天可运送乘客四十万人次。",
			"工程负责人表示，由于地下水位较高，部分路段的施工进度比原计划慢了两个月。",
			"市民普遍希望新线路能够缓解城北地区早晚高峰的交通拥堵问题。",
			"有专家提醒，地铁开通后沿线的房价可能继续上涨，需要及早制定相应的政策？",
			"市政府表示将在年底前公布沿线公交线路的调整方案。",
		}, 3, 3},
		{"long sentences", []string{long, strings.Replace(long, "Wednesday", "Thursday", 1) + " Residents were not consulted.",
			"A spokeswoman said the authority had no choice after the budget for the coming year was cut by the regional council, which had asked every public service to save a tenth of its spending, and that the decision would be reviewed in the autumn once new drivers had been recruited and trained.",
			"Passenger groups said the cut would leave hospital staff, cleaners and students who work late without any safe way of getting home, and called on the council to find the money elsewhere, pointing out that it had just approved a new office building for its own staff.",
			"The union said it was ready to return to talks."}, 5, 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := &article.Article{Title: "", Paragraphs: tt.paras}
			got := extractive.Takeaways(a, tt.n)
			if len(got) != tt.want {
				t.Fatalf("Takeaways = %d %q, want %d", len(got), got, tt.want)
			}
			for _, s := range got {
				if !strings.Contains(a.Text(), s) {
					t.Errorf("takeaway %q is not in the article", s)
				}
			}
		})
	}
}

// TestTakeawaysNoRepeatedFact checks that two takeaways never repeat the
// same fact in the same words, even when the rest of the sentences
// differs, and that a takeaway does not repeat text shown beside it.
func TestTakeawaysNoRepeatedFact(t *testing.T) {
	for _, tt := range []struct {
		name   string
		paras  []string
		shown  []string
		phrase string // at most one takeaway may contain it
	}{
		{"shared vote", []string{
			"The rate-setting committee voted 7–2 for a quarter-point cut on Tuesday, pointing to slower price growth and a firmer currency.",
			"The rate-setting committee voted 7–2 for the cut, the governor told a news conference in the capital after the two-day meeting, with two members wanting a hold.",
			"Consumer prices rose 6.1% in the year to October, down from 6.8% a month earlier, the statistics office said last week.",
			"Lenders are expected to pass the lower rate on to mortgage holders within a few weeks, analysts at three local banks said.",
			"The currency has held steady against the dollar since the summer after a long slide that began with the lifting of controls.",
			"The next meeting of the committee is scheduled for the end of January.",
		}, nil, "committee voted 7–2 for"},
		{"shared levy", []string{
			"A charge of about $15 a month on electricity bills would pay for the new grid batteries across the northern provinces.",
			"The plan would be paid for by a charge of about $15 a month on every household bill and would start in 2028 if lawmakers approve it in the spring.",
			"Blackouts cut power to more than two million homes during the heatwave last summer, the grid operator said in its annual report.",
			"Industry groups said the batteries would make the network far more reliable during storms and the coldest winter evenings.",
			"Opposition lawmakers said households were already struggling with the cost of living and called the charge a hidden tax.",
			"The minister said the scheme would be reviewed after five years of operation.",
		}, nil, "charge of about $15 a month"},
		{"quote shown below", []string{
			"The airline cancelled a third of its flights from the main hub on Friday as baggage handlers began a three-day strike over pay.",
			"\u201cThis is a fair offer that remains on the table,\u201d said Laura Keane, the airline\u2019s head of human resources, on Thursday evening.",
			"The union wants a raise of 9% over two years and an end to the use of agency staff on the night shifts at the airport.",
			"Passengers were told to check the status of their flights online before leaving home, and to expect long queues at check-in.",
			"The last strike at the airport, in the spring of 2025, lasted five days and disrupted travel for nearly half a million people.",
			"Talks are due to resume on Monday.",
		}, []string{"This is a fair offer that remains on the table"}, "fair offer that remains on the table"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := &article.Article{Title: "", Paragraphs: tt.paras}
			got := extractive.TakeawaysBesides(a, 3, tt.shown)
			if len(got) != 3 {
				t.Errorf("got %d takeaways %q, want 3", len(got), got)
			}
			limit := 1
			if tt.shown != nil {
				limit = 0
			}
			n := 0
			for _, s := range got {
				if strings.Contains(s, tt.phrase) {
					n++
				}
			}
			if n > limit {
				t.Errorf("%d takeaways contain %q, want at most %d: %q", n, tt.phrase, limit, got)
			}
		})
	}
}

// TestTakeawaysLangOpeners checks that in a German article a sentence
// opening with "Sie" is not a takeaway on its own.
func TestTakeawaysLangOpeners(t *testing.T) {
	paras := []string{
		"Die Stadtbibliothek in Kiel hat am Samstag nach zwei Jahren Umbau wieder ihre Türen für die Leserinnen und Leser geöffnet.",
		"Das Gebäude aus den sechziger Jahren wurde für elf Millionen Euro saniert und um einen großen Lesesaal erweitert.",
		"Die Leiterin der Bibliothek, Anna Petersen, führte am Vormittag die ersten Besucher durch die neuen Räume im Erdgeschoss.",
		"Sie freut sich besonders über die neue Kinderabteilung mit mehr als zwanzigtausend Büchern und einer kleinen Bühne.",
		"Die Stadt rechnet im ersten Jahr mit mehr als dreihunderttausend Besuchern aus Kiel und dem Umland.",
		"Der Eintritt bleibt frei, für die Ausleihe ist weiterhin ein Ausweis nötig.",
	}
	for _, lang := range []string{"de", "de-DE"} {
		a := &article.Article{Language: lang, Paragraphs: paras}
		for n := 1; n <= 3; n++ {
			got := extractive.Takeaways(a, n)
			for i, s := range got {
				if strings.HasPrefix(s, "Sie ") {
					t.Errorf("%s n=%d: takeaway %d %q opens with a pronoun", lang, n, i, s)
				}
			}
		}
	}
}

// TestTakeawaysJapaneseOpeners checks that a Japanese sentence opening
// with "このため" (for this reason) is shown only joined, without a
// space, to the sentence it follows.
func TestTakeawaysJapaneseOpeners(t *testing.T) {
	a := &article.Article{Language: "ja", Paragraphs: []string{
		"市議会は二十日、駅前の再開発計画を賛成多数で可決し、来年の春から工事を始めることを決めました。",
		"計画では古い商店街を取り壊して、図書館と保育所が入る十二階建ての建物を造ります。",
		"このため、商店街の店主たちは来年の三月までに店を移さなければなりません。",
		"反対した議員は、工事の費用が当初の見込みより三割以上増えていると指摘しました。",
		"市は、国の補助金を使うので市民の負担は大きく増えないと説明しています。",
		"市長は記者会見で、住民への説明会を来月から各地区で開く考えを示しました。",
	}}
	for n := 1; n <= 3; n++ {
		for _, s := range extractive.Takeaways(a, n) {
			if strings.HasPrefix(s, "このため") || strings.Contains(s, " ") {
				t.Errorf("n=%d: takeaway %q opens with a pointer back or holds a space", n, s)
			}
		}
	}
}
