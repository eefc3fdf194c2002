package extractive

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/internal/devdata"
)

// This file measures takeaways on the shared dev set (CNN/DailyMail). It is
// a tuning harness, not a test of behaviour: it runs only when TK_EVAL=1 and
// the shared data is present.
//
//	TK_EVAL=1 go test -run TestTakeawaysDev -v ./summarize/extractive
//	TK_PARAMS='[{"Decay":1.5},{"Decay":0.5}]'   variations over the defaults
//	TK_OUT=/tmp/x   also write {"id","summary"} predictions for rouge.py
//
// The ROUGE printed here is an approximation of the shared scorer (same
// tokenization and Porter stemming, no irregular-word table); report the
// figures of shared/eval/rouge.py.

type tkDevDoc struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Reference string `json:"reference"`
}

func tkLoadDev(tb testing.TB) ([]tkDevDoc, []*article.Article) {
	tb.Helper()
	f, err := os.Open(devdata.Path(tb, "summarization/cnndm_dev300.jsonl"))
	if err != nil {
		tb.Skipf("dev set: %v", err)
	}
	defer f.Close()
	var docs []tkDevDoc
	var arts []*article.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var d tkDevDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			tb.Fatalf("dev set: %v", err)
		}
		a, err := article.FromText(d.Text)
		if err != nil {
			tb.Fatalf("dev doc %s: %v", d.ID, err)
		}
		a.ID, a.Title = d.ID, d.Title
		docs = append(docs, d)
		arts = append(arts, a)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("dev set: %v", err)
	}
	return docs, arts
}

func TestTakeawaysDev(t *testing.T) {
	if os.Getenv("TK_EVAL") == "" {
		t.Skip("set TK_EVAL=1 to measure on the dev set")
	}
	docs, arts := tkLoadDev(t)
	variants := []map[string]any{{}}
	if v := os.Getenv("TK_PARAMS"); v != "" {
		if err := json.Unmarshal([]byte(v), &variants); err != nil {
			t.Fatalf("TK_PARAMS: %v", err)
		}
	}
	run := func(name string, f func(a *article.Article) []string) {
		var r1, r2 float64
		var half [2]float64
		var words int
		var out strings.Builder
		for i, a := range arts {
			sum := f(a)
			p1, p2 := tkRouge(docs[i].Reference, strings.Join(sum, "\n"))
			r1 += p1
			r2 += p2
			half[i%2] += p1 + p2
			words += tkWordCount(strings.Join(sum, " "))
			b, _ := json.Marshal(map[string]string{"id": docs[i].ID, "summary": strings.Join(sum, "\n")})
			out.Write(b)
			out.WriteByte('\n')
		}
		n := float64(len(arts))
		t.Logf("%-60s R1 %.2f R2 %.2f words %.1f even/odd R1+R2 %.2f %.2f", name, 100*r1/n, 100*r2/n, float64(words)/n, 200*half[0]/n, 200*half[1]/n)
		if dir := os.Getenv("TK_OUT"); dir != "" {
			fn := strings.Map(func(r rune) rune {
				if r == '/' || r == ' ' || r == '"' || r == '{' || r == '}' || r == ':' || r == ',' {
					return '_'
				}
				return r
			}, name)
			if err := os.WriteFile(filepath.Join(dir, fn+".jsonl"), []byte(out.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	run("lead", func(a *article.Article) []string { return Lead(a, 3) })
	for _, v := range variants {
		prm := tkDefaults()
		b, _ := json.Marshal(v)
		if err := json.Unmarshal(b, &prm); err != nil {
			t.Fatalf("variant %s: %v", b, err)
		}
		run(string(b), func(a *article.Article) []string { return tkRank(a, 3, prm) })
	}
}

// tkRouge returns ROUGE-1 and ROUGE-2 F1 of pred against ref.
func tkRouge(ref, pred string) (float64, float64) {
	rt, pt := tkRougeTokens(ref), tkRougeTokens(pred)
	return tkRougeN(rt, pt, 1), tkRougeN(rt, pt, 2)
}

func tkRougeTokens(s string) []string {
	s = strings.ToLower(s)
	f := strings.FieldsFunc(s, func(r rune) bool { return !('a' <= r && r <= 'z' || '0' <= r && r <= '9') })
	for i, w := range f {
		if len(w) > 3 {
			f[i] = stemWord(w)
		}
	}
	return f
}

func tkRougeN(ref, pred []string, n int) float64 {
	count := func(ts []string) map[string]int {
		m := map[string]int{}
		for i := 0; i+n <= len(ts); i++ {
			m[strings.Join(ts[i:i+n], " ")]++
		}
		return m
	}
	rc, pc := count(ref), count(pred)
	hits, nr, np := 0, 0, 0
	for g, c := range rc {
		nr += c
		hits += min(c, pc[g])
	}
	for _, c := range pc {
		np += c
	}
	if hits == 0 {
		return 0
	}
	p, r := float64(hits)/float64(np), float64(hits)/float64(nr)
	return 2 * p * r / (p + r)
}

// TestTakeawaysDump writes one line per dev sentence with its features and
// its ROUGE against the reference, for analysis (TK_DUMP=file).
func TestTakeawaysDump(t *testing.T) {
	out := os.Getenv("TK_DUMP")
	if out == "" {
		t.Skip("set TK_DUMP=file to dump sentence features")
	}
	docs, arts := tkLoadDev(t)
	var b strings.Builder
	prm := tkDefaults()
	for i, a := range arts {
		sents, _ := tkScore(a, prm)
		for j, s := range sents {
			r1, r2 := tkRouge(docs[i].Reference, s.text)
			tr := tkTraitsOf(s.text)
			rec := map[string]any{"doc": i, "pos": j, "n": len(sents), "words": s.words, "cent": s.cent,
				"usable": s.usable, "score": s.score, "pron": tr.pronoun, "conn": tr.connective,
				"quote": tr.quoteShare, "caption": tr.caption, "r1": r1, "r2": r2, "text": s.text}
			line, _ := json.Marshal(rec)
			b.Write(line)
			b.WriteByte('\n')
		}
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
