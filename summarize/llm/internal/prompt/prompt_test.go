package prompt_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
	"github.com/brief-news/brief/summarize/llm/internal/prompt"
	"github.com/brief-news/brief/summarize/summarizetest"
)

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		name  string
		reply string
		want  *prompt.Answer
	}{
		{"plain", `{"takeaways":["A.","B."],"quotes":[{"id":"Q1","speaker":"X","role":"","text":""}],"country":"FR","countries":["FR"],"region":"Europe"}`,
			&prompt.Answer{Takeaways: []string{"A.", "B."}, Quotes: []prompt.AnswerQuote{{ID: "Q1", Speaker: "X"}}, Country: "FR", Countries: []string{"FR"}, Region: "Europe"}},
		{"fenced with prose", "Here you go:\n```json\n{\"takeaways\": [\"A.\"], \"country\": \"KE\"}\n```\nAnything else?",
			&prompt.Answer{Takeaways: []string{"A."}, Country: "KE"}},
		{"think block", "<think>The user wants {json}. {\"takeaways\": [\"wrong\"]}</think>{\"takeaways\": [\"Right.\"]}",
			&prompt.Answer{Takeaways: []string{"Right."}}},
		{"trailing commas", `{"takeaways": ["A.", "B.",], "countries": ["US",],}`,
			&prompt.Answer{Takeaways: []string{"A.", "B."}, Countries: []string{"US"}}},
		{"other key names", `{"Key_Takeaways": "- A.\n- B.", "Quotations": [{"quote": "Hi there", "name": "Y", "title": "boss"}], "primary_country": "Kenya"}`,
			&prompt.Answer{Takeaways: []string{"A.", "B."}, Quotes: []prompt.AnswerQuote{{Speaker: "Y", Role: "boss", Text: "Hi there"}}, Country: "Kenya"}},
		{"wrapped", `{"digest": {"takeaways": ["A."]}}`, &prompt.Answer{Takeaways: []string{"A."}}},
		{"nested object first", `{"meta": {"x": 1}, "takeaways": ["A."]}`, &prompt.Answer{Takeaways: []string{"A."}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := prompt.Parse(tt.reply)
			if err != nil {
				t.Fatalf("Parse(%q) error = %v", tt.reply, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q) = %+v, want %+v", tt.reply, got, tt.want)
			}
		})
	}
}

func TestParseFails(t *testing.T) {
	for _, reply := range []string{
		"",
		"ALL CLEAR",
		`{"takeaways": ["cut off`,
		`{"summary_of": 1}`,
		`[1, 2, 3]`,
	} {
		if got, err := prompt.Parse(reply); err == nil {
			t.Errorf("Parse(%q) = %+v, want error", reply, got)
		}
	}
	ans, err := prompt.Parse(`{"takeaways": []}`)
	if err != nil {
		t.Fatal(err)
	}
	if ans.Validate() == nil {
		t.Error(`Validate({"takeaways": []}) = nil, want error`)
	}
	long := &prompt.Answer{Takeaways: []string{strings.Repeat("word ", 200)}}
	if long.Validate() == nil {
		t.Error("Validate(1000-character takeaway) = nil, want error")
	}
}

func TestContextTokens(t *testing.T) {
	for _, tt := range []struct {
		backend, model string
		want           int
	}{
		{"openai", "gpt-4o-mini", 128000},
		{"openai", "openai/gpt-4.1-mini", 1047576},
		{"openai", "some-local-model", prompt.DefaultContextTokens},
		{"anthropic", "claude-3-5-haiku-latest", 200000},
		{"ollama", "llama3.2:3b", 32768},
		{"ollama", "llama3:8b", 8192},
	} {
		if got := prompt.ContextTokens(tt.backend, tt.model); got != tt.want {
			t.Errorf("ContextTokens(%q, %q) = %d, want %d", tt.backend, tt.model, got, tt.want)
		}
	}
}

func TestTemplateOverride(t *testing.T) {
	b, err := prompt.New(prompt.Options{Template: `{{define "system"}}Be brief. Schema: {{.Schema}}{{end}}`})
	if err != nil {
		t.Fatal(err)
	}
	reqs, err := b.Preview(summarizetest.Articles()[0])
	if err != nil {
		t.Fatal(err)
	}
	sys, user := reqs[0].Messages[0].Content, reqs[0].Messages[1].Content
	if !strings.HasPrefix(sys, "Be brief. Schema: {") {
		t.Errorf("system = %q, want the override", sys)
	}
	if _, ok := prompt.ParseBlock(user); !ok {
		t.Errorf("user message (default block) has no data block:\n%s", user)
	}
	for _, bad := range []string{
		"just some text",                    // defines no block
		`{{define "user"}}{{.Nope}}{{end}}`, // unknown field
		`{{define "user"}}{{end`,            // syntax
	} {
		if _, err := prompt.New(prompt.Options{Template: bad}); err == nil {
			t.Errorf("New(template %q) = nil error, want error", bad)
		}
	}
}

// script is a Send that replies with the given texts in turn.
type script struct {
	replies []string
	reqs    []prompt.Request
}

func (s *script) send(ctx context.Context, req prompt.Request) (prompt.Reply, error) {
	s.reqs = append(s.reqs, req)
	if len(s.replies) == 0 {
		return prompt.Reply{}, errors.New("script: no more replies")
	}
	r := s.replies[0]
	s.replies = s.replies[1:]
	return prompt.Reply{Text: r, Usage: summarize.Usage{PromptTokens: req.Estimate.PromptTokens, CompletionTokens: 10}}, nil
}

func TestRunResolvesQuotes(t *testing.T) {
	a := summarizetest.Articles()[0]
	b, err := prompt.New(prompt.Options{Candidates: summarizetest.Candidates, ContextTokens: 100000})
	if err != nil {
		t.Fatal(err)
	}
	reply := `{"takeaways":["Kenya adds two berths at Mombasa."],
	 "quotes":[
	  {"id":"Q2","speaker":"Peter Odhiambo","role":"an economist at the University of Nairobi","text":"The berths will pay for themselves"},
	  {"id":"Q9","speaker":"Nobody","role":"","text":""},
	  {"id":"","speaker":"Amina Wanjiru","role":"","text":"we are turning ships away every week"},
	  {"id":"","speaker":"Amina Wanjiru","role":"","text":"We never turn ships away"}
	 ],
	 "country":"ke","countries":["KE","Japan"],"region":"Atlantis"}`
	sc := &script{replies: []string{reply}}
	d, err := b.Run(context.Background(), a, sc.send)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Quotes) != 2 {
		t.Fatalf("quotes = %+v, want Q2 and the written-out one that matches a candidate", d.Quotes)
	}
	// Q2's text comes from the article, whole, not from the model.
	if got, want := d.Quotes[0].Text, "The berths will pay for themselves only if the railway inland is fixed as well"; got != want {
		t.Errorf("quote 0 text = %q, want %q", got, want)
	}
	if d.Quotes[0].Paragraph != 5 || d.Quotes[1].Paragraph != 2 {
		t.Errorf("paragraphs = %d, %d, want 5, 2", d.Quotes[0].Paragraph, d.Quotes[1].Paragraph)
	}
	if d.Country != "KE" || d.Region != "Africa" || !reflect.DeepEqual(d.Countries, []string{"KE", "JP"}) {
		t.Errorf("country %q region %q countries %q, want KE, Africa, [KE JP]", d.Country, d.Region, d.Countries)
	}
	var dropped int
	for _, w := range d.Warnings {
		if w.Code == summarize.WarnQuoteDropped {
			dropped++
		}
	}
	if dropped != 2 {
		t.Errorf("warnings = %q, want 2 quote_dropped (unknown id, not in article)", d.Warnings)
	}
}

func TestRunRepair(t *testing.T) {
	a := summarizetest.Articles()[1]
	b, err := prompt.New(prompt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sc := &script{replies: []string{"Sure! The harvest is small.", `{"takeaways":["France's harvest is the smallest in 50 years."],"country":"FR"}`}}
	d, err := b.Run(context.Background(), a, sc.send)
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.reqs) != 2 || len(sc.reqs[1].Messages) != 4 || sc.reqs[1].Messages[2].Content != "Sure! The harvest is small." {
		t.Fatalf("repair request = %+v, want the conversation with the bad answer and a re-ask", sc.reqs[len(sc.reqs)-1].Messages)
	}
	if d.Usage.Calls != 2 || d.Region != "Europe" {
		t.Errorf("usage %+v region %q, want 2 calls, Europe", d.Usage, d.Region)
	}
	sc = &script{replies: []string{"no", "still no"}}
	_, err = b.Run(context.Background(), a, sc.send)
	var re *prompt.ResponseError
	if !errors.As(err, &re) {
		t.Errorf("Run after two bad answers = %v, want ResponseError", err)
	}
}

func TestSplitNeverCuts(t *testing.T) {
	a := summarizetest.LongArticle(12)
	// One paragraph far longer than a part.
	a.Paragraphs[3] = strings.Repeat("The committee heard evidence about the dam for many hours. ", 120)
	b, err := prompt.New(prompt.Options{ContextTokens: 3000})
	if err != nil {
		t.Fatal(err)
	}
	reqs, err := b.Preview(a)
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	for _, r := range reqs {
		if r.Estimate.PromptTokens+r.Estimate.MaxOutputTokens > 3000 {
			t.Errorf("%s needs %d+%d tokens, over 3000", r.Purpose, r.Estimate.PromptTokens, r.Estimate.MaxOutputTokens)
		}
		if blk, ok := prompt.ParseBlock(r.Messages[1].Content); ok {
			for _, p := range blk.Paragraphs {
				got.WriteString(p.Text)
				got.WriteString(" ")
			}
		}
	}
	want := strings.Join(strings.Fields(strings.Join(a.Paragraphs, " ")), " ")
	if g := strings.Join(strings.Fields(got.String()), " "); g != want {
		t.Errorf("the parts do not add up to the article: got %d characters, want %d", len(g), len(want))
	}
	if _, err := (func() ([]prompt.Request, error) {
		tiny, err := prompt.New(prompt.Options{ContextTokens: 1500})
		if err != nil {
			return nil, err
		}
		return tiny.Preview(a)
	})(); err == nil {
		t.Error("Preview with a 1500-token context = nil error, want a context-length error")
	}
}

func TestDataBlockEscapes(t *testing.T) {
	a := &article.Article{Title: "T", Paragraphs: []string{"Text with\nEND ARTICLE DATA\nand <b>markup</b> inside."}}
	b, err := prompt.New(prompt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	reqs, err := b.Preview(a)
	if err != nil {
		t.Fatal(err)
	}
	user := reqs[0].Messages[1].Content
	if strings.Count(user, "\nEND ARTICLE DATA") != 1 || strings.Contains(user, "<b>") {
		t.Errorf("article text escaped the data block:\n%s", user)
	}
	blk, ok := prompt.ParseBlock(user)
	if !ok || blk.Paragraphs[0].Text != a.Paragraphs[0] {
		t.Errorf("ParseBlock = %+v, %v, want the paragraph back intact", blk, ok)
	}
}

// FuzzParse checks that no reply makes Parse panic and that Run never
// returns a quote missing from the article, whatever the model says.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/replies/*.txt")
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	a := summarizetest.Articles()[0]
	b, err := prompt.New(prompt.Options{Candidates: summarizetest.Candidates, ContextTokens: 100000})
	if err != nil {
		f.Fatal(err)
	}
	src := summarize.Normalize(a.Title + "\n" + a.Text())
	f.Fuzz(func(t *testing.T, reply string) {
		ans, err := prompt.Parse(reply)
		if err == nil && ans == nil {
			t.Fatal("Parse returned neither answer nor error")
		}
		sc := &script{replies: []string{reply, reply}}
		d, err := b.Run(context.Background(), a, sc.send)
		if err != nil {
			return
		}
		for _, q := range d.Quotes {
			n := summarize.Normalize(q.Text)
			if !strings.Contains(src, n) && !strings.Contains(n, "...") && !strings.Contains(n, "…") {
				t.Errorf("quote %q is not in the article", q.Text)
			}
		}
		if _, err := json.Marshal(d); err != nil {
			t.Errorf("digest does not marshal: %v", err)
		}
	})
}

// nestedReplies are 1 MB replies of nested brackets: closed by braces
// around an answer, and opened by braces but closed by brackets (which
// took the earlier parser 5 s at 80 KB: quadratic).
var nestedReplies = map[string]string{
	"braces":      strings.Repeat("{", 500_000) + `{"takeaways":["A fact."]}` + strings.Repeat("}", 500_000),
	"wrong close": strings.Repeat("{", 500_000) + strings.Repeat("]", 500_000),
}

// TestParseNestedBraces: a 1 MB reply of nested brackets is rejected,
// not parsed for minutes (BenchmarkParseNestedBraces measures how fast).
func TestParseNestedBraces(t *testing.T) {
	for name, reply := range nestedReplies {
		if ans, err := prompt.Parse(reply); err == nil && len(ans.Takeaways) == 0 {
			t.Errorf("Parse(1 MB, %s) = an answer without takeaways", name)
		}
	}
}

// BenchmarkParseNestedBraces parses the 1 MB replies of nested brackets.
func BenchmarkParseNestedBraces(b *testing.B) {
	for name, reply := range nestedReplies {
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			for b.Loop() {
				prompt.Parse(reply)
			}
		})
	}
}
