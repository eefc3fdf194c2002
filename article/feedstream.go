package article

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// errNotFeed reports an XML document that is not RSS, RDF or Atom.
var errNotFeed = errors.New("not a feed")

// maxFeedField caps the text kept of one element of a feed item (a link
// or a date), so a hostile feed cannot grow one without end.
const maxFeedField = 8 << 10

// xmlFeed reads an RSS, RDF or Atom feed from r as a stream, calling yield
// with each item's link as it goes, so a feed of any number of items is
// read in bounded memory. in names the feed (a URL resolves relative
// links; for a file, the feed's own link does). It returns errNotFeed,
// before yielding anything, when the document is not a feed; a feed that
// breaks off yields an error source and stops. ok is false when yield
// asked to stop.
func (l *Loader) xmlFeed(r io.Reader, in string, yield func(Source) bool) (ok bool, err error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = charset.NewReaderLabel
	var base *url.URL
	if isURL(in) {
		base, _ = url.Parse(in)
	}
	var (
		root    string
		depth   int
		inItem  bool
		itemAt  int // depth of the item element
		field   string
		text    strings.Builder
		link    string
		altLink string
		date    string
		updated string
	)
	for {
		tok, terr := dec.Token()
		if terr != nil {
			if errors.Is(terr, io.EOF) {
				if root == "" {
					return true, errNotFeed
				}
				return true, nil
			}
			if root == "" {
				return true, errNotFeed
			}
			return yield(Source{ID: RedactURL(in), Err: fmt.Errorf("parse feed %s: %w", RedactURL(in), terr)}), nil
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			name := strings.ToLower(t.Name.Local)
			if root == "" {
				switch name {
				case "rss", "feed", "rdf":
					root = name
				default:
					return true, errNotFeed
				}
				continue
			}
			switch {
			case !inItem && (name == "item" || name == "entry"):
				inItem, itemAt = true, depth
				link, altLink, date, updated = "", "", "", ""
			case name == "link":
				href, rel := "", ""
				for _, a := range t.Attr {
					switch strings.ToLower(a.Name.Local) {
					case "href":
						href = a.Value
					case "rel":
						rel = a.Value
					}
				}
				if href != "" { // Atom
					if inItem {
						if rel == "" || rel == "alternate" {
							if altLink == "" {
								altLink = href
							}
						} else if link == "" {
							link = href
						}
					} else if base == nil && (rel == "" || rel == "alternate") {
						base, _ = url.Parse(strings.TrimSpace(href))
					}
					continue
				}
				field = "link"
				text.Reset()
			case inItem && (name == "pubdate" || name == "published" || name == "date" || name == "issued"):
				field = "date"
				text.Reset()
			case inItem && (name == "updated" || name == "modified"):
				field = "updated"
				text.Reset()
			}
		case xml.CharData:
			if field != "" && text.Len() < maxFeedField {
				text.Write(t[:min(len(t), maxFeedField-text.Len())])
			}
		case xml.EndElement:
			name := strings.ToLower(t.Name.Local)
			if field != "" && (name == "link" || name == "pubdate" || name == "published" || name == "date" ||
				name == "issued" || name == "updated" || name == "modified") {
				v := strings.TrimSpace(text.String())
				switch {
				case field == "link" && inItem:
					if altLink == "" {
						altLink = v
					}
				case field == "link":
					if base == nil {
						base, _ = url.Parse(v)
					}
				case field == "date" && date == "":
					date = v
				case field == "updated" && updated == "":
					updated = v
				}
				field = ""
			}
			if inItem && depth == itemAt && (name == "item" || name == "entry") {
				inItem = false
				if altLink == "" {
					altLink = link
				}
				if s, keep := l.feedItem(altLink, date, updated, base); keep && !yield(s) {
					return false, nil
				}
			}
			depth--
		}
	}
}

// feedItem makes the source of one feed item, or keep false for an item
// without an http(s) link or older than Since.
func (l *Loader) feedItem(link, date, updated string, base *url.URL) (Source, bool) {
	link = strings.TrimSpace(link)
	if link == "" {
		return Source{}, false
	}
	if base != nil && base.Scheme != "" {
		if u, err := base.Parse(link); err == nil {
			link = u.String()
		}
	}
	if !l.Since.IsZero() {
		t, ok := parseDate(date, time.Time{})
		if !ok {
			t, ok = parseDate(updated, time.Time{})
		}
		if ok && t.Before(l.Since) {
			return Source{}, false
		}
	}
	// Like a link that is not http(s), one that does not parse (a control
	// character, a bad escape) names nothing to fetch.
	if _, err := url.Parse(link); err != nil || !isURL(link) {
		return Source{}, false
	}
	return Source{ID: RedactURL(link), URL: link}, true
}
