package main

// Backends register themselves with summarize; cmd/brief alone imports them.
import (
	_ "github.com/brief-news/brief/summarize/extractive"
)
