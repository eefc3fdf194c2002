package briefing_test

import (
	"fmt"
	"time"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/briefing"
	"github.com/brief-news/brief/summarize"
)

func ExampleBuild() {
	day := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	story := func(site, title, country, region string, hour int, paras ...string) briefing.Entry {
		return briefing.Entry{
			Article: &article.Article{Site: site, Title: title, URL: "https://" + site + ".example/story",
				Published: day.Add(time.Duration(hour) * time.Hour), Paragraphs: paras},
			Digest: &summarize.Digest{Country: country, Region: region},
		}
	}
	wire := "The city council of Lyon voted 41 to 12 on Monday to close the Part-Dieu tunnel to cars from March 2027, " +
		"turning its 1.8 kilometres into a cycle route. Mayor Claire Fontaine called it the largest change to Lyon traffic in decades."
	entries := []briefing.Entry{
		story("lyonpost", "Lyon votes to close Part-Dieu tunnel to cars", "FR", "Europe", 9, wire),
		story("rhonewire", "Lyon's Part-Dieu tunnel will close to cars from 2027", "FR", "Europe", 11, wire+" Opponents said they would appeal."),
		story("nairobiledger", "Kenya opens its second deep-water port berth", "KE", "Africa", 8,
			"Kenya Ports Authority opened a new berth at Lamu on Monday, letting ships of up to 14 metres draught dock there."),
	}
	skipped := []briefing.Skipped{{Source: "missing.html", Reason: "no such file"}}
	b := briefing.Build(entries, skipped, briefing.Options{Title: "Morning briefing", Date: day})

	fmt.Println(b.Title, "·", b.Glance.Counts())
	for _, sec := range b.Sections {
		fmt.Println(sec.Name)
		for _, st := range sec.Stories {
			fmt.Printf("  %s (%s)\n", st.Headline(), st.Site())
			for _, o := range st.AlsoReportedBy {
				fmt.Printf("    also reported by %s\n", o.Name())
			}
		}
	}
	// Output:
	// Morning briefing · 2 stories from 3 articles · 2 regions · 1 skipped source
	// Europe
	//   Lyon's Part-Dieu tunnel will close to cars from 2027 (rhonewire)
	//     also reported by lyonpost
	// Africa
	//   Kenya opens its second deep-water port berth (nairobiledger)
}
