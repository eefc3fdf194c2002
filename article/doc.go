// Package article loads news articles from URLs, files, directories, feeds
// and standard input, and extracts their main text and metadata.
//
// It owns the first stage of brief's data flow: everything after it works on
// an [Article] value. [Extract] is pure (no I/O beyond the reader it is
// given); fetching lives in [Fetcher], input handling in [Loader]. This
// package must not import any other brief package.
//
// Extraction parses the page once with golang.org/x/net/html (the tree
// goquery wraps) and works on a flat, document-ordered index of its nodes,
// in passes that are each linear in the page's size: text is credited to
// its nearest block and each block judged as prose or not; the element
// whose subtree holds the most prose for the least other text is the
// article container (known body containers such as itemprop=articleBody
// are preferred when they hold about as much); inside it, share bars,
// related lists, captions, bylines and link-dense lists are left out.
// Class and id names only weigh text, and only where they are credible, so
// a badly named wrapper never loses the article. JSON-LD articleBody and a
// plain "all good paragraphs" reading back up a container that yields too
// little. Metadata comes from JSON-LD, then meta tags, then the page
// (<time>, bylines, <h1>), then the URL, and Article.Sources records which.
package article
