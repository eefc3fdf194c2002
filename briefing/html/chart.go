package html

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/brief-news/brief/briefing"
)

// Geometry of the picture of the day, in SVG user units: CSS pixels at
// its widest; on a phone it scales down to the column, its text staying
// legible.
const (
	chartWidth  = 360
	labelWidth  = 116
	rowHeight   = 22
	rowGap      = 6
	codeMinimum = 26 // narrowest segment that shows its country code
)

// segmentColours are the fills of a bar's countries, in turn; the stories
// in no country are grey.
var segmentColours = []string{"#163e70", "#3f6ea6", "#7aa2d0", "#b3cbe6"}

// Chart returns the picture of the day as inline SVG: one bar per region,
// as long as its number of stories, split by country with each country's
// code, and a title and description for screen readers. It has no script,
// no external reference and no style sheet, so it reads in mail clients
// that show SVG; it scales down with the page. Glance without regions
// gives "".
func Chart(g briefing.Glance) template.HTML {
	if len(g.Regions) == 0 {
		return ""
	}
	esc := template.HTMLEscapeString
	scale := float64(chartWidth-labelWidth) / float64(max(1, g.MaxStories()))
	height := len(g.Regions)*(rowHeight+rowGap) - rowGap
	var b strings.Builder
	var desc []string
	for _, r := range g.Regions {
		var parts []string
		for _, s := range r.Segments() {
			parts = append(parts, fmt.Sprintf("%s %d", s.Name, s.Stories))
		}
		desc = append(desc, fmt.Sprintf("%s: %d (%s)", r.Name, r.Stories, strings.Join(parts, ", ")))
	}
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="%d" height="%d" viewBox="0 0 %d %d" style="display:block;width:100%%;max-width:%dpx;height:auto;" font-family="Arial,Helvetica,sans-serif">`,
		chartWidth, height, chartWidth, height, chartWidth)
	fmt.Fprintf(&b, `<title>Stories per region</title><desc>%s</desc>`, esc(strings.Join(desc, "; ")))
	for i, r := range g.Regions {
		y := i * (rowHeight + rowGap)
		fmt.Fprintf(&b, `<text x="0" y="%d" font-size="14" fill="#212121"><tspan font-weight="bold">%s</tspan> %d</text>`,
			y+16, esc(briefing.Clip(r.Name, 12)), r.Stories)
		x := float64(labelWidth)
		for j, s := range r.Segments() {
			w := float64(s.Stories) * scale
			fill := "#c8c8c8"
			if s.Code != "" {
				fill = segmentColours[j%len(segmentColours)]
			}
			fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s" stroke="#ffffff" stroke-width="1"><title>%s: %d</title></rect>`,
				x, y, w, rowHeight, fill, esc(s.Name), s.Stories)
			if s.Code != "" && w >= codeMinimum {
				ink := "#ffffff"
				if j%len(segmentColours) >= 2 {
					ink = "#0b2140"
				}
				fmt.Fprintf(&b, `<text x="%.1f" y="%d" font-size="12" fill="%s" text-anchor="middle">%s</text>`, x+w/2, y+15, ink, esc(s.Code))
			}
			x += w
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
