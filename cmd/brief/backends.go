package main

// Backends register themselves with summarize; cmd/brief alone imports them.
import (
	_ "github.com/brief-news/brief/summarize/extractive"
	_ "github.com/brief-news/brief/summarize/langchain"
	_ "github.com/brief-news/brief/summarize/openai"
)
