package llm

import (
	"context"
	"fmt"
	"math"
	"sync"

	"golang.org/x/time/rate"

	"github.com/brief-news/brief/summarize"
)

// Limiter paces model requests to a number of requests and of tokens per
// minute. A nil *Limiter does not limit. It is safe for concurrent use.
type Limiter struct {
	requests *rate.Limiter // nil: no request limit
	tokens   *rate.Limiter // nil: no token limit
}

// NewLimiter returns a limiter for rpm requests and tpm tokens a minute;
// 0 (or less) leaves that dimension unlimited. It returns nil when both
// are unlimited.
func NewLimiter(rpm, tpm int) *Limiter {
	if rpm <= 0 && tpm <= 0 {
		return nil
	}
	l := &Limiter{}
	if rpm > 0 {
		// Burst 1: requests are spread evenly over the minute, which
		// providers that meter in sub-minute windows accept.
		l.requests = rate.NewLimiter(rate.Limit(float64(rpm)/60), 1)
	}
	if tpm > 0 {
		l.tokens = rate.NewLimiter(rate.Limit(float64(tpm)/60), tpm)
	}
	return l
}

// Wait blocks until a request of about tokens tokens may be sent, or ctx
// is done. A request larger than the whole per-minute token budget waits
// for a full minute's worth and then goes.
func (l *Limiter) Wait(ctx context.Context, tokens int) error {
	if l == nil {
		return nil
	}
	if l.requests != nil {
		if err := l.requests.Wait(ctx); err != nil {
			return fmt.Errorf("rate limit wait: %w", limiterErr(ctx, err))
		}
	}
	if l.tokens != nil && tokens > 0 {
		n := min(tokens, l.tokens.Burst())
		if err := l.tokens.WaitN(ctx, n); err != nil {
			return fmt.Errorf("token limit wait: %w", limiterErr(ctx, err))
		}
	}
	return nil
}

// limiterErr prefers ctx's error: rate.Limiter reports a wait that would
// outlast ctx's deadline before the deadline arrives.
func limiterErr(ctx context.Context, err error) error {
	if cerr := ctx.Err(); cerr != nil {
		return cerr
	}
	if _, ok := ctx.Deadline(); ok {
		return context.DeadlineExceeded
	}
	return err
}

// Price is what a model costs, in US dollars per million tokens.
type Price struct {
	Input  float64 `json:"input" yaml:"input"`
	Output float64 `json:"output" yaml:"output"`
}

// Cost returns the price of the given token counts in US dollars.
func (p Price) Cost(promptTokens, completionTokens int) float64 {
	return (float64(promptTokens)*p.Input + float64(completionTokens)*p.Output) / 1e6
}

// Meter counts model calls, tokens and their cost over a run, and refuses
// a request whose estimated cost would take the run past MaxCost. A nil
// *Meter counts nothing and refuses nothing. It is safe for concurrent use.
type Meter struct {
	price   *Price
	maxCost float64

	mu                 sync.Mutex
	calls              int
	prompt, completion int
	spent, reserved    float64
}

// NewMeter returns a meter. price nil means the price is unknown (cost is
// then not reported); maxCost 0 means no budget. A budget needs a price.
func NewMeter(price *Price, maxCost float64) (*Meter, error) {
	if maxCost < 0 || math.IsNaN(maxCost) || math.IsInf(maxCost, 0) {
		return nil, fmt.Errorf("llm: cost budget %v is not a non-negative amount", maxCost)
	}
	if maxCost > 0 && price == nil {
		return nil, fmt.Errorf("llm: a cost budget needs the model's price")
	}
	return &Meter{price: price, maxCost: maxCost}, nil
}

// reserve books the estimated cost of a request against the budget. The
// returned release records the request's actual usage and frees the
// reservation.
func (m *Meter) reserve(est Estimate) (release func(summarize.Usage), err error) {
	if m == nil {
		return func(summarize.Usage) {}, nil
	}
	var cost float64
	if m.price != nil {
		cost = m.price.Cost(est.PromptTokens, est.MaxOutputTokens)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.maxCost > 0 && m.spent+m.reserved+cost > m.maxCost {
		return nil, fmt.Errorf("%w: spent $%.4f, this request up to $%.4f, budget $%.4f",
			ErrBudgetExceeded, m.spent+m.reserved, cost, m.maxCost)
	}
	m.reserved += cost
	var once sync.Once
	return func(u summarize.Usage) {
		once.Do(func() {
			m.mu.Lock()
			defer m.mu.Unlock()
			m.reserved -= cost
			m.calls++
			m.prompt += u.PromptTokens
			m.completion += u.CompletionTokens
			if m.price != nil {
				m.spent += m.price.Cost(u.PromptTokens, u.CompletionTokens)
			}
		})
	}, nil
}

// Totals is what a Meter counted.
type Totals struct {
	Calls            int
	PromptTokens     int
	CompletionTokens int
	// Cost is the estimated cost in US dollars; CostKnown is false when
	// the model's price is unknown.
	Cost      float64
	CostKnown bool
}

// Totals returns the counts so far.
func (m *Meter) Totals() Totals {
	if m == nil {
		return Totals{}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return Totals{Calls: m.calls, PromptTokens: m.prompt, CompletionTokens: m.completion,
		Cost: m.spent, CostKnown: m.price != nil}
}
