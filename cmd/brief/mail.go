package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/base64"
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
	gomail "github.com/wneessen/go-mail"

	"github.com/brief-news/brief/briefing"
)

// mailFlags are briefing's delivery flags.
func mailFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "mail-to", Usage: "mail the briefing (HTML body, PDF attached) to `ADDR[,ADDR]`", EnvVars: []string{"BRIEF_MAIL_TO"}},
		&cli.BoolFlag{Name: "mail", Usage: "mail the briefing to the config file's smtp.to list"},
		&cli.StringFlag{Name: "mail-from", Usage: "sender `ADDR` (default: the SMTP user at the SMTP host)", EnvVars: []string{"BRIEF_MAIL_FROM"}},
		&cli.StringFlag{Name: "smtp-url", Usage: "SMTP server `smtp://user@host:port` (smtps:// for implicit TLS); the password is read from BRIEF_SMTP_PASSWORD", EnvVars: []string{"BRIEF_SMTP_URL"}},
		&cli.BoolFlag{Name: "smtp-insecure", Usage: "send without STARTTLS (only for a server on a trusted network)", EnvVars: []string{"BRIEF_SMTP_INSECURE"}},
	}
}

// mailer sends a briefing over SMTP.
type mailer struct {
	to       []string
	from     string
	host     string
	port     int
	user     string
	password string
	// implicitTLS is smtps://; otherwise STARTTLS is required unless
	// insecure.
	implicitTLS, insecure bool
	// tlsConfig overrides the TLS settings (tests trust their own CA).
	tlsConfig *tls.Config
	timeout   time.Duration
}

// resolveMail reads and checks the mail flags into the mailer they
// describe (part of resolveBriefing); it returns nil when neither
// --mail-to nor --mail is given, and a usage error when the settings
// cannot work, before any article is processed.
func resolveMail(c *cli.Context, e *env) (*mailer, error) {
	var to []string
	for _, v := range c.StringSlice("mail-to") {
		for _, a := range strings.Split(v, ",") {
			if a = strings.TrimSpace(a); a != "" {
				to = append(to, a)
			}
		}
	}
	if len(to) == 0 && c.Bool("mail") {
		if e.cfg != nil {
			to = e.cfg.SMTP.To
		}
		if len(to) == 0 {
			return nil, usagef("--mail: no recipients (set smtp.to in the config file, or use --mail-to)")
		}
	}
	if len(to) == 0 {
		return nil, nil
	}
	for _, a := range to {
		if _, err := mail.ParseAddress(a); err != nil {
			return nil, usagef("--mail-to %q: %v", a, err)
		}
	}
	raw := c.String("smtp-url")
	if raw == "" {
		return nil, usagef("--mail-to needs --smtp-url smtp://user@host:port (or BRIEF_SMTP_URL)")
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return nil, usagef("--smtp-url %q: want smtp://user@host:port", raw)
	}
	m := &mailer{to: to, host: u.Hostname(), insecure: c.Bool("smtp-insecure"), timeout: 30 * time.Second,
		password: e.getenv("BRIEF_SMTP_PASSWORD")}
	switch u.Scheme {
	case "smtp":
		m.port = 587
	case "smtps":
		m.port, m.implicitTLS = 465, true
	default:
		return nil, usagef("--smtp-url %q: scheme must be smtp or smtps", raw)
	}
	if p := u.Port(); p != "" {
		if m.port, err = strconv.Atoi(p); err != nil || m.port < 1 || m.port > 65535 {
			return nil, usagef("--smtp-url %q: bad port", raw)
		}
	}
	if u.User != nil {
		m.user = u.User.Username()
		if _, has := u.User.Password(); has {
			return nil, usagef("--smtp-url: put the password in BRIEF_SMTP_PASSWORD, not in the URL")
		}
	}
	if m.user != "" && m.password == "" {
		return nil, usagef("--smtp-url names user %q but BRIEF_SMTP_PASSWORD is empty", m.user)
	}
	m.from = c.String("mail-from")
	if m.from == "" {
		if m.user != "" && strings.Contains(m.user, "@") {
			m.from = m.user
		} else if m.user != "" {
			m.from = m.user + "@" + m.host
		} else {
			h, _ := os.Hostname()
			m.from = "brief@" + h
		}
	}
	if _, err := mail.ParseAddress(m.from); err != nil {
		return nil, usagef("--mail-from %q: %v", m.from, err)
	}
	return m, nil
}

// send mails b: the HTML rendering as the body (with the Markdown as the
// plain-text alternative) and the PDF attached. A renderer not built in is
// replaced by the Markdown one.
func (m *mailer) send(ctx context.Context, b *briefing.Briefing, ro renderOptions) error {
	msg := gomail.NewMsg()
	if err := msg.From(m.from); err != nil {
		return fmt.Errorf("mail from %s: %w", m.from, err)
	}
	if err := msg.To(m.to...); err != nil {
		return fmt.Errorf("mail to %s: %w", strings.Join(m.to, ","), err)
	}
	subject := b.Title
	if !b.Date.IsZero() {
		subject += " — " + b.Date.Format("Monday, 2 January 2006")
	}
	msg.Subject(subject)
	msg.SetDate()
	msg.SetMessageID()

	text, err := renderBytes("md", b, ro)
	if err != nil {
		return err
	}
	msg.SetBodyString(gomail.TypeTextPlain, string(text))
	if _, ok := renderers["html"]; ok {
		html, err := renderBytes("html", b, ro)
		if err != nil {
			return err
		}
		msg.AddAlternativeString(gomail.TypeTextHTML, string(html))
	}
	stem := "briefing"
	if !b.Date.IsZero() {
		stem += "-" + b.Date.Format("2006-01-02")
	}
	attach, name, ctype := "md", stem+".md", gomail.ContentType("text/markdown; charset=utf-8")
	if _, ok := renderers["pdf"]; ok {
		attach, name, ctype = "pdf", stem+".pdf", gomail.ContentType("application/pdf")
	}
	data, err := renderBytes(attach, b, ro)
	if err != nil {
		return err
	}
	msg.AttachReadSeeker(name, bytes.NewReader(data), gomail.WithFileContentType(ctype))

	opts := []gomail.Option{gomail.WithPort(m.port), gomail.WithTimeout(m.timeout)}
	switch {
	case m.implicitTLS:
		opts = append(opts, gomail.WithSSL())
	case m.insecure:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if m.tlsConfig != nil {
		opts = append(opts, gomail.WithTLSConfig(m.tlsConfig))
	}
	if m.user != "" {
		auth := gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover)
		if m.insecure && !m.implicitTLS {
			// The user chose a clear-text connection: allow PLAIN and
			// LOGIN over it when the server offers nothing better.
			auth = gomail.WithOpportunisticSMTPAuth(gomail.SMTPAuthSCRAMSHA256, gomail.SMTPAuthSCRAMSHA1,
				gomail.SMTPAuthCramMD5, gomail.SMTPAuthPlainNoEnc, gomail.SMTPAuthLoginNoEnc)
		}
		opts = append(opts, auth, gomail.WithUsername(m.user), gomail.WithPassword(m.password))
	}
	client, err := gomail.NewClient(m.host, opts...)
	if err != nil {
		return fmt.Errorf("mail via %s: %w", net.JoinHostPort(m.host, strconv.Itoa(m.port)), err)
	}
	if err := client.DialAndSendWithContext(ctx, msg); err != nil {
		return fmt.Errorf("mail via %s: %w", net.JoinHostPort(m.host, strconv.Itoa(m.port)), m.redact(err))
	}
	return nil
}

// redact hides the password in err's message, in clear and in the base64
// forms AUTH PLAIN and LOGIN send it in, should the server repeat them.
func (m *mailer) redact(err error) error {
	if m.password == "" {
		return err
	}
	var pairs []string
	for _, s := range []string{"\x00" + m.user + "\x00" + m.password, m.user + "\x00" + m.user + "\x00" + m.password, m.password} {
		pairs = append(pairs, base64.StdEncoding.EncodeToString([]byte(s)), "[redacted]")
	}
	pairs = append(pairs, m.password, "[redacted]")
	msg := err.Error()
	if red := strings.NewReplacer(pairs...).Replace(msg); red != msg {
		return &redactedError{msg: red, err: err}
	}
	return err
}

// redactedError is err with a message that hides a secret.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// renderBytes renders b in format f into memory.
func renderBytes(f string, b *briefing.Briefing, ro renderOptions) ([]byte, error) {
	var buf bytes.Buffer
	if _, err := render(f, &buf, b, ro); err != nil {
		return nil, fmt.Errorf("render %s: %w", f, err)
	}
	return buf.Bytes(), nil
}
