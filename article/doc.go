// Package article loads news articles from URLs, files, directories, feeds
// and standard input, and extracts their main text and metadata.
//
// It owns the first stage of brief's data flow: everything after it works on
// an [Article] value. [Extract] is pure (no I/O beyond the reader it is
// given); fetching lives in [Fetcher], input handling in [Loader]. This
// package must not import any other brief package.
//
// Extraction parses the page once with golang.org/x/net/html and wraps the
// tree in a goquery document. Markup that says what it is is read with
// goquery selections: the metadata (meta tags, JSON-LD scripts, <time>,
// <link rel=canonical>, <html lang>, byline elements) and the elements
// whose markup names their role (itemprop=articleBody, <article>, <nav>,
// ARIA roles). The text is judged on a flat, document-ordered index of the
// same tree, in passes that are each linear in the page's size: text is
// credited to its nearest block and each block judged as prose or not; the
// element whose subtree holds the most prose for the least other text is
// the article container (known body containers such as
// itemprop=articleBody are preferred when they hold about as much); inside
// it, share bars, related lists, captions, bylines and link-dense lists are
// left out. Class and id names only weigh text, and only where they are
// credible, so a badly named wrapper never loses the article: a name worn
// by most of the prose is a style, a state word beside an article's own
// name ("entry share", "node--promoted") does not condemn it, and names
// never cut words out of a paragraph that is kept (a linked name inside a
// sentence stays). A lede set beside the body container (a standfirst, a
// summary field) is read before it. Foreign lines are left out by what
// they say, in the common languages of the web (reading time, "More on
// X:", newsletter and subscription promos, syndication and copyright
// notes, comment sections and prompts), and a pull-quote repeating the
// body is dropped. JSON-LD
// articleBody and a plain "all good paragraphs" reading back up a
// container that yields too little. Metadata comes from JSON-LD, then meta
// tags, then the page (<time>, dates written out in words, bylines,
// <h1>), then the URL, and Article.Sources records which; placeholders,
// dates and photo credits are never a byline, a title cut with "..." gives
// way to the full one, and the site name is never the section. The
// language comes from markup, else from the text (see lang.go).
package article
