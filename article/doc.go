// Package article loads news articles from URLs, files, directories, feeds
// and standard input, and extracts their main text and metadata.
//
// It owns the first stage of brief's data flow: everything after it works on
// an [Article] value. Extract is pure (no I/O beyond the reader it is given);
// fetching lives in [Fetcher]. This package must not import any other brief
// package.
package article
