package article_test

import (
	"fmt"
	"strings"

	"github.com/brief-news/brief/article"
)

func ExampleExtract() {
	page := `<html lang="en"><head><title>Ferries resume | Coast Post</title>
<meta property="og:site_name" content="Coast Post"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferries resume</h1><p class="byline">By Ana Lima</p>
<p>LISBON — Ferry services across the river resumed on Friday after a two-day strike, the operator said.</p>
<p>Crews accepted a pay offer late on Thursday.</p></article>
<footer>© Coast Post</footer></body></html>`
	a, err := article.Extract(strings.NewReader(page), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title, "|", a.Byline, "|", a.Site, "|", a.Language, "|", a.Dateline)
	fmt.Println(a.Text())
	// Output:
	// Ferries resume | Ana Lima | Coast Post | en | LISBON
	// LISBON — Ferry services across the river resumed on Friday after a two-day strike, the operator said.
	//
	// Crews accepted a pay offer late on Thursday.
}
