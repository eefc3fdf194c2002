module github.com/brief-news/brief

go 1.26.0

require github.com/PuerkitoBio/goquery v1.13.0

require (
	github.com/andybalholm/cascadia v1.3.4 // indirect
	github.com/mmcdole/gofeed v1.4.2 // indirect
	github.com/mmcdole/goxpp/v2 v2.0.0 // indirect
	golang.org/x/net v0.62.0 // indirect
	golang.org/x/text v0.43.0 // indirect
)
