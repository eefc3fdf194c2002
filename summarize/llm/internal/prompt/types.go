package prompt

import "fmt"

// Message is one chat message of a model request.
type Message struct {
	Role    string `json:"role"` // "system", "user" or "assistant"
	Content string `json:"content"`
}

// Request is a model request as a backend would send it.
type Request struct {
	// Purpose says what the request is for: "digest", "chunk 2/5",
	// "combine".
	Purpose  string    `json:"purpose"`
	Messages []Message `json:"messages"`
	// Estimate is the request's token estimate (characters/4).
	Estimate Estimate `json:"estimate"`
}

// Estimate is what a request is expected to cost before it is sent.
type Estimate struct {
	PromptTokens    int `json:"PromptTokens"`
	MaxOutputTokens int `json:"MaxOutputTokens"`
}

// ContextLengthError reports a prompt longer than the model's context
// window. It is not retried as is; backends re-plan the request in
// smaller chunks.
type ContextLengthError struct {
	// Limit is the context window the provider reported, 0 if unknown.
	Limit int
	Err   error
}

func (e *ContextLengthError) Error() string {
	if e.Limit > 0 {
		return fmt.Sprintf("prompt exceeds the model's context of %d tokens: %v", e.Limit, e.Err)
	}
	return fmt.Sprintf("prompt exceeds the model's context: %v", e.Err)
}

func (e *ContextLengthError) Unwrap() error { return e.Err }

// ResponseError reports an answer that could not be used: not JSON, or
// JSON that does not fit the schema even after one repair request. It is
// not retried.
type ResponseError struct {
	Err error
}

func (e *ResponseError) Error() string { return fmt.Sprintf("unusable model response: %v", e.Err) }

func (e *ResponseError) Unwrap() error { return e.Err }
