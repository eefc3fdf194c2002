// Package openai is the summarizer backend for the OpenAI chat-completions
// API and every server that speaks it (vLLM, llama.cpp server, LM Studio,
// Ollama's /v1, OpenRouter, Groq…), through github.com/sashabaranov/go-openai.
//
// It registers "openai" and "azure" (Azure OpenAI through go-openai's
// Azure configuration). It asks for strict JSON-schema output; a server
// that refuses json_schema is asked for json_object, and one that refuses
// that for plain text, which the tolerant parser reads; the step is
// remembered (llm.Config.Formats). Before the first request it checks the
// key and the model (GET /models) and reads the context a vLLM or
// llama.cpp server runs. Answers from a server on the user's machine or
// network are streamed (server-sent events) under an idle timeout
// (llm.Config.Stream). Its Batcher is the OpenAI Batch API client of
// summarize/openai/batch. It imports summarize, summarize/llm and its own
// batch package, never another backend.
package openai
