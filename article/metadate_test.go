package article_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/brief-news/brief/article"
)

// datePage is a small news page: head markup, then a header and the
// story's paragraphs, in the style of a local paper's CMS.
func datePage(head, header string) string {
	return `<html><head><title>Council approves the harbour budget</title>` + head + `</head><body>
<header><h1>Council approves the harbour budget</h1>` + header + `</header>
<article><p>The city council approved the harbour budget late on Tuesday after a four-hour debate that ran past midnight, with seven votes to four.</p>
<p>The budget sets aside money for dredging the inner basin and for new moorings on the north quay, which fishermen have asked for since the storm of last winter.</p>
<p>Opponents said the plan left too little for the ferry terminal, whose roof still leaks over the waiting room.</p></article>
<div id="comments"><ul class="comment-list"><li><span class="comment-date">Le 11 septembre 2018 à 12:57</span><p>Enfin une bonne nouvelle pour le port.</p></li></ul></div>
</body></html>`
}

func TestPublishedOnThePagesDay(t *testing.T) {
	ld := func(date string) string {
		return `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves the harbour budget","datePublished":"` + date + `"}</script>`
	}
	for _, tt := range []struct {
		name, url, head, header string
		want                    string // RFC 3339, the moment in the page's zone
	}{
		{
			name:   "UTC moment, page shows the evening before with its time",
			head:   ld("2023-11-09T05:30:59Z"),
			header: `<div class="byline">By Staff reports PUBLISHED: November 8, 2023 at 11:30 p.m. | UPDATED: November 9, 2023 at 12:21 a.m.</div>`,
			want:   "2023-11-08T23:30:59-06:00",
		},
		{
			name: "UTC moment, the URL's day is the day before",
			url:  "https://news.example.com/2022/04/21/council-approves-budget/",
			head: ld("2022-04-22T04:11:44+00:00"),
			want: "2022-04-21T23:11:44-05:00",
		},
		{
			name:   "the URL's day outranks the header's date of today",
			url:    "https://news.example.com/2020/02/24/council-approves-budget/",
			head:   ld("2020-02-25T02:25:54Z"),
			header: `<div class="header-date">Tuesday, February 25th 2020 Today's Paper</div>`,
			want:   "2020-02-24T23:25:54-03:00",
		},
		{
			name:   "a page east of UTC",
			head:   ld("2021-06-30T22:40:00Z"),
			header: `<p class="date">1 July 2021, 08:40</p>`,
			want:   "2021-07-01T08:40:00+10:00",
		},
		{
			name: "a date beside the author's link, in an element named for nothing",
			head: `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"Wed, 04 May 2022 02:41:00 GMT"}</script>`,
			header: `<div class="bottom"><h6>
                    <a href="/autor/ana-rojas_7617"><strong>
Ana Rojas
                    </strong></a>
                    <span>3/5/2022 22:41  </span>
                </h6></div>`,
			want: "2022-05-03T22:41:00-04:00",
		},
		{
			name:   "a slash date read the way that fits the moment",
			head:   `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"Wed, 04 May 2022 02:41:00 GMT"}</script>`,
			header: `<div class="date"><span>3/5/2022 22:41</span></div>`,
			want:   "2022-05-03T22:41:00-04:00",
		},
		{
			name:   "the page's day is UTC's: unchanged",
			url:    "https://news.example.com/2023/11/09/council-approves-budget/",
			head:   ld("2023-11-09T05:30:59Z"),
			header: `<div class="date">November 8, 2023</div>`,
			want:   "2023-11-09T05:30:59Z",
		},
		{
			name:   "a moment with its own zone: unchanged",
			url:    "https://news.example.com/2023/11/08/council-approves-budget/",
			head:   ld("2023-11-09T01:30:00+01:00"),
			header: `<div class="date">November 8, 2023</div>`,
			want:   "2023-11-09T01:30:00+01:00",
		},
		{
			name:   "a time that fits no zone is another time",
			head:   ld("2022-05-03T13:32:45Z"),
			header: `<span class="fecha">04 de mayo 2022, 12:00 A. M.</span>`,
			want:   "2022-05-03T13:32:45Z",
		},
		{
			name:   "a page that shows only its update is dated by it",
			head:   `<script type="application/ld+json">{"@type":"Article","datePublished":"2021-03-23T14:36:01-04:00","dateModified":"2022-03-28T13:56:57-04:00"}</script>`,
			header: `<div class="attribution__item-date">Updated March 28, 2022</div>`,
			want:   "2022-03-28T13:56:57-04:00",
		},
		{
			name:   "a shown update on a day metadata does not give",
			head:   `<script type="application/ld+json">{"@type":"Article","datePublished":"2016-08-29T21:54:39Z","dateModified":"2020-10-01T13:23:47Z"}</script>`,
			header: `<div class="item-date">Updated May 06, 2019</div>`,
			want:   "2019-05-06T00:00:00Z",
		},
		{
			name:   "a page that shows its publication keeps it",
			head:   `<script type="application/ld+json">{"@type":"Article","datePublished":"2021-03-23T14:36:01-04:00","dateModified":"2022-03-28T13:56:57-04:00"}</script>`,
			header: `<div class="byline-date">Published March 23, 2021 | Updated March 28, 2022</div>`,
			want:   "2021-03-23T14:36:01-04:00",
		},
		{
			name:   "a Swiss page that shows its publication after its update keeps it",
			head:   `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-04-03T10:35:41.085Z","dateModified":"2020-04-11T08:27:52.727Z"}</script>`,
			header: `<time dateTime="2020-04-11T08:27:52.727Z" class="LastUpdatedDateTime_root">Aktualisiert: 11.04.2020, 10:27</time><time dateTime="2020-04-03T10:35:41.085Z" class="FullDateTime_root">Publiziert: 03.04.2020, 12:35</time>`,
			want:   "2020-04-03T12:35:41+02:00",
		},
		{
			name: "no update shown: the publication",
			head: `<script type="application/ld+json">{"@type":"Article","datePublished":"2021-03-23T14:36:01-04:00","dateModified":"2022-03-28T13:56:57-04:00"}</script>`,
			want: "2021-03-23T14:36:01-04:00",
		},
		{
			name: "an ISO date without zero padding",
			head: ld("2022-5-5 22:17:36"),
			want: "2022-05-05T22:17:36Z",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := extractPage(t, datePage(tt.head, tt.header), tt.url)
			if got := a.Published.Format(time.RFC3339); got != tt.want {
				t.Errorf("Published = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestPublishedShownOnThePage(t *testing.T) {
	for _, tt := range []struct {
		name, header string
		want         string // YYYY-MM-DD, "" for none
		head         string
	}{
		{"German label", `<p>Erstellt am: 01.11.2023</p>`, "2023-11-01", ""},
		{"a label and its date in two elements", `<div><span class="eventbox__subheadline">Erschienen am:</span><h2>13.10.2021</h2></div>`, "2021-10-13", ""},
		{"a labelled date outranks a generic meta date", `<p>Erschienen am: 13.10.2021</p>`, "2021-10-13", `<meta name="date" content="2021-10-15">`},
		{"a labelled date outranks a date-named element", `<ul class="date-list"><li>15.10.2021</li></ul><p>Published: 13 October 2021</p>`, "2021-10-13", ""},
		{"a generic meta date when the page shows none", ``, "2021-10-15", `<meta name="date" content="2021-10-15">`},
		{"French label", `<div><em>Publié le 13 juin 2019</em></div>`, "2019-06-13", ""},
		{"Spanish label", `<p>Publicado el 6 de mayo de 2022</p>`, "2022-05-06", ""},
		{"English label with a slash date its numbers settle", `<p>News date : 04/21/2022</p>`, "2022-04-21", ""},
		{"a slash date either way is no date", `<p>Posted 01/11/2023</p>`, "", ""},
		{"a meta line with the byline", `<span class="-meta"><a href="/">Home</a> | Par <a href="/auteur/x">Loïc Martin</a> | 30 septembre 2018</span>`, "2018-09-30", ""},
		{"a publication element", `<div class="publication"> jeudi 13 juin 2019</div>`, "2019-06-13", ""},
		{"a reader's comment is not the article's date", ``, "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := extractPage(t, datePage(tt.head, tt.header), "")
			got := ""
			if !a.Published.IsZero() {
				got = a.Published.Format("2006-01-02")
			}
			if got != tt.want {
				t.Errorf("Published = %q, want %q", got, tt.want)
			}
		})
	}
}

func extractPage(t *testing.T, page, u string) *article.Article {
	t.Helper()
	var base *url.URL
	if u != "" {
		var err error
		if base, err = url.Parse(u); err != nil {
			t.Fatal(err)
		}
	}
	a, err := article.Extract(strings.NewReader(page), base)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
