package main

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/summarize"
)

// result is what the pipeline made of one source.
type result struct {
	src     article.Source
	article *article.Article
	digest  *summarize.Digest
	err     error
}

// pipeline loads and (optionally) summarizes sources with bounded workers.
type pipeline struct {
	loader     *article.Loader
	summarizer summarize.Summarizer // nil: extraction only
	workers    int
	logger     *slog.Logger
}

// run processes srcs and calls emit for each result in input order, as
// soon as the results before it are done. It stops early when ctx is
// cancelled; results not yet started are reported with ctx's error.
func (p *pipeline) run(ctx context.Context, srcs []article.Source, emit func(result)) {
	n := p.workers
	if n < 1 {
		n = 1
	}
	results := make([]result, len(srcs))
	done := make([]chan struct{}, len(srcs))
	for i := range done {
		done[i] = make(chan struct{})
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = p.process(ctx, srcs[i])
				close(done[i])
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range srcs {
			select {
			case jobs <- i:
			case <-ctx.Done():
				for j := i; j < len(srcs); j++ {
					results[j] = result{src: srcs[j], err: fmt.Errorf("%s: %w", srcs[j].ID, ctx.Err())}
					close(done[j])
				}
				return
			}
		}
	}()
	for i := range srcs {
		<-done[i]
		emit(results[i])
	}
	wg.Wait()
}

func (p *pipeline) process(ctx context.Context, src article.Source) result {
	r := result{src: src}
	if src.Err != nil {
		r.err = src.Err
		return r
	}
	a, err := p.loader.Load(ctx, src)
	if err != nil {
		r.err = err
		return r
	}
	if a.ID == "" {
		a.ID = src.ID
	}
	r.article = a
	if p.summarizer == nil {
		return r
	}
	p.logger.Debug("summarize", "id", src.ID, "paragraphs", len(a.Paragraphs))
	d, err := p.summarizer.Summarize(ctx, a)
	if err != nil {
		r.err = fmt.Errorf("summarize %s: %w", src.ID, err)
		return r
	}
	cleanDigest(d)
	r.digest = d
	return r
}
