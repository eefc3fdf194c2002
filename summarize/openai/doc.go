// Package openai is the summarizer backend for the OpenAI chat-completions
// API and every server that speaks it (vLLM, llama.cpp server, LM Studio,
// Ollama's /v1, OpenRouter, Groq…), through github.com/sashabaranov/go-openai.
//
// It asks for strict JSON-schema output; a server that refuses
// json_schema is asked for json_object, and one that refuses that for
// plain text, which the tolerant parser reads. It imports summarize and
// its internal prompt package, never another backend.
package openai
