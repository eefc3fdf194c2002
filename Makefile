# brief — common tasks. `make help` lists them.
GO       ?= go
BIN      ?= bin/brief
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS  := -X main.version=$(VERSION)
SHARED   ?= ../shared
FUZZTIME ?= 30s
DATE     ?= 2026-11-25

.PHONY: help build test race lint fuzz golden examples eval bench

help:
	@grep -E '^[a-z]+:.*?## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

build: ## build bin/brief
	$(GO) build -trimpath -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/brief

test: ## run the tests (what CI runs)
	$(GO) vet ./...
	$(GO) test ./...

race: ## run the tests with the race detector
	$(GO) test -race ./...

lint: ## gofmt + go vet + staticcheck
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); exit 1)
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

fuzz: ## run every fuzz target for FUZZTIME each
	./scripts/fuzz.sh $(FUZZTIME)

golden: ## rewrite golden files after an intended change
	$(GO) test ./briefing/... -update

examples: build ## regenerate examples/briefing.{md,pdf}; fail if the committed ones were stale
	./scripts/examples.sh $(BIN) $(DATE)

eval: build ## measure quality on ../shared (when present)
	@if [ -d $(SHARED)/eval ]; then $(SHARED)/eval/measure.sh $(BIN) all; else echo "no $(SHARED): skipping"; fi

bench: ## run the benchmarks
	$(GO) test -run '^$$' -bench . -benchmem ./...
