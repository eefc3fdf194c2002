package main

import (
	"context"
	"fmt"
	"iter"
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

// run processes the sources srcs yields and calls emit for each result
// in input order, as soon as the results before it are done. It takes
// sources from srcs only as workers free up, holding at most a window of
// 4 × workers sources and results at once, so a stream of any length runs
// in bounded memory. When ctx is cancelled it stops taking sources; those
// taken and not yet done are reported with ctx's error.
func (p *pipeline) run(ctx context.Context, srcs iter.Seq[article.Source], emit func(result)) {
	n := max(p.workers, 1)
	type job struct {
		src article.Source
		out chan result
	}
	// slots holds each source's result channel in input order; its
	// capacity is the window.
	slots := make(chan chan result, 4*n)
	jobs := make(chan job)
	go func() {
		defer close(slots)
		defer close(jobs)
		for src := range srcs {
			out := make(chan result, 1)
			slots <- out
			if ctx.Err() != nil {
				out <- result{src: src, err: fmt.Errorf("%s: %w", src.ID, ctx.Err())}
				return
			}
			select {
			case jobs <- job{src: src, out: out}:
			case <-ctx.Done():
				out <- result{src: src, err: fmt.Errorf("%s: %w", src.ID, ctx.Err())}
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for j := range jobs {
				j.out <- p.process(ctx, j.src)
			}
		})
	}
	for out := range slots {
		emit(<-out)
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
	summarize.CleanDigest(d)
	r.digest = d
	return r
}
