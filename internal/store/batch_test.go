package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/brief-news/brief/internal/store"
)

func TestBatches(t *testing.T) { eachStore(t, testBatches) }

func testBatches(t *testing.T, b backend) {
	ctx := context.Background()
	c := &clock{t: time.Date(2026, 5, 1, 6, 0, 0, 0, time.UTC)}
	s := b.open(t, c)
	items := []store.BatchItem{
		{Key: "k2", Request: json.RawMessage(`{"model":"m","n":2}`)},
		{Key: "k1", Request: json.RawMessage(`{"model":"m","n":1}`), Response: json.RawMessage(`{"status_code":200}`)},
	}
	arts := []json.RawMessage{json.RawMessage(`{"source":"b.html"}`), json.RawMessage(`{"source":"a.html"}`)}
	batch := store.Batch{ID: "batch_1", Backend: "openai", Model: "m", State: "validating", Info: json.RawMessage(`{"total":2}`)}
	if err := s.SaveBatch(ctx, batch, items, arts); err != nil {
		t.Fatalf("SaveBatch: %v", err)
	}
	if err := s.SaveBatch(ctx, batch, nil, nil); err == nil {
		t.Error("SaveBatch of an existing ID succeeded")
	}
	c.set(c.now().Add(time.Hour))
	batch.State, batch.Info = "completed", json.RawMessage(`{"total":2,"completed":2}`)
	if err := s.UpdateBatch(ctx, batch, []store.BatchItem{{Key: "k2", Response: json.RawMessage(`{"status_code":500}`)}}); err != nil {
		t.Fatalf("UpdateBatch: %v", err)
	}
	if err := s.UpdateBatch(ctx, store.Batch{ID: "nope"}, nil); !errors.Is(err, store.ErrNoBatch) {
		t.Errorf("UpdateBatch of a missing batch: err = %v, want ErrNoBatch", err)
	}
	list, err := s.Batches(ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("Batches = %+v, %v; want one", list, err)
	}
	got := list[0]
	if got.State != "completed" || got.Backend != "openai" || string(got.Info) != `{"total":2,"completed":2}` ||
		!got.Created.Equal(time.Date(2026, 5, 1, 6, 0, 0, 0, time.UTC)) || !got.Updated.Equal(c.now()) {
		t.Errorf("Batches()[0] = %+v", got)
	}
	gotItems, gotArts, err := s.BatchContents(ctx, "batch_1")
	if err != nil {
		t.Fatal(err)
	}
	if len(gotItems) != 2 || gotItems[0].Key != "k1" || string(gotItems[0].Response) != `{"status_code":200}` ||
		string(gotItems[1].Request) != `{"model":"m","n":2}` || string(gotItems[1].Response) != `{"status_code":500}` {
		t.Errorf("BatchContents items = %+v", gotItems)
	}
	if len(gotArts) != 2 || string(gotArts[0]) != `{"source":"b.html"}` {
		t.Errorf("BatchContents articles = %s, want them in the order saved", gotArts)
	}
	if _, _, err := s.BatchContents(ctx, "nope"); !errors.Is(err, store.ErrNoBatch) {
		t.Errorf("BatchContents of a missing batch: err = %v, want ErrNoBatch", err)
	}
}
