package html_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/brief-news/brief/briefing"
	"github.com/brief-news/brief/briefing/briefingtest"
	"github.com/brief-news/brief/briefing/html"
)

// chromium returns the path of a Chromium or Chrome binary. Without one
// the test is skipped on a developer's machine and fails in CI (CI set),
// whose script installs Debian's chromium.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium not installed in CI: .ci/run installs Debian's chromium")
	}
	t.Skip("chromium not installed (Debian: apt-get install chromium)")
	return ""
}

// page is what the browser reports about the rendered briefing.
type page struct {
	ScrollWidth int      `json:"scrollWidth"`
	InnerWidth  int      `json:"innerWidth"`
	Wide        []string `json:"wide"`  // elements wider than the viewport
	Links       []string `json:"links"` // every href
	Rects       int      `json:"rects"` // rectangles in the picture of the day
	SVGWidth    float64  `json:"svgWidth"`
}

const inspect = `(() => {
	const vw = window.innerWidth;
	const wide = [];
	for (const el of document.body.querySelectorAll('*')) {
		const r = el.getBoundingClientRect();
		if (r.right > vw + 0.5 || r.left < -0.5) {
			wide.push(el.tagName + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
		}
	}
	const svg = document.querySelector('svg');
	return {
		scrollWidth: document.documentElement.scrollWidth,
		innerWidth: vw,
		wide: wide.slice(0, 10),
		links: Array.from(document.querySelectorAll('[href]')).map(a => a.getAttribute('href')),
		rects: document.querySelectorAll('svg rect').length,
		svgWidth: svg ? svg.getBoundingClientRect().width : 0,
	};
})()`

// TestBrowser loads the HTML briefing in headless Chromium at a phone's
// and a laptop's width: nothing overflows sideways, every link is http(s)
// or mailto, and the picture of the day is there. A screenshot of each
// width is written to the test's artifact directory: run
// go test -run TestBrowser -artifacts -outputdir DIR to keep and look at them.
func TestBrowser(t *testing.T) {
	bin := chromium(t)
	es := append(briefingtest.Entries(), briefingtest.Hostile()...)
	es = append(es, briefingtest.Scripts()...)
	b := briefing.Build(es, briefingtest.Skipped(), briefing.Options{Date: briefingtest.Day})
	var buf bytes.Buffer
	if err := html.Write(&buf, b, html.Options{}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	doc := filepath.Join(dir, "briefing.html")
	if err := os.WriteFile(doc, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	// This machine has no network: keep Chromium from reaching for it.
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	ctx, cancelTab := chromedp.NewContext(ctx)
	defer cancelTab()

	for _, width := range []int64{375, 1024} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			err := chromedp.Do(ctx,
				chromedp.EmulateViewport(width, 900),
				chromedp.Navigate("file://"+doc),
				chromedp.WaitReady("body"),
			)
			if err != nil {
				t.Fatalf("chromium: %v", err)
			}
			got, err := chromedp.Run(ctx, chromedp.Evaluate[page](inspect))
			if err != nil {
				t.Fatalf("chromium: evaluate: %v", err)
			}
			shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatalf("chromium: screenshot: %v", err)
			}
			// Kept after the test with go test -artifacts (under -outputdir).
			png := filepath.Join(t.ArtifactDir(), fmt.Sprintf("briefing-%d.png", width))
			if err := os.WriteFile(png, shot, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("screenshot: %s", png)
			if got.InnerWidth != int(width) {
				t.Errorf("viewport width = %d, want %d", got.InnerWidth, width)
			}
			if got.ScrollWidth > got.InnerWidth {
				t.Errorf("page is %d px wide in a %d px window: horizontal overflow; widest: %q", got.ScrollWidth, got.InnerWidth, got.Wide)
			}
			if len(got.Wide) > 0 {
				t.Errorf("elements beyond the window: %q", got.Wide)
			}
			if len(got.Links) == 0 {
				t.Error("no links")
			}
			for _, l := range got.Links {
				if !strings.HasPrefix(l, "https://") && !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "mailto:") {
					t.Errorf("link %q is not http(s) or mailto", l)
				}
			}
			if got.Rects == 0 {
				t.Error("no picture of the day: the SVG has no rectangles")
			}
			if got.SVGWidth <= 0 || got.SVGWidth > float64(width) {
				t.Errorf("picture of the day is %.0f px wide in a %d px window", got.SVGWidth, width)
			}
		})
	}
}
