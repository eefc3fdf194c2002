package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"go/build"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/brief-news/brief/article"
	"github.com/brief-news/brief/briefing"
	"github.com/brief-news/brief/summarize"
)

// mailpit is a running mailpit SMTP server with its HTTP API.
type mailpit struct {
	smtpAddr string
	api      string
}

type mailpitMessage struct {
	ID      string
	Subject string
	From    struct{ Address string }
	To      []struct{ Address string }
	Text    string
	HTML    string
	// Attachments lists the attached files.
	Attachments []struct {
		PartID      string
		FileName    string
		ContentType string
		Size        int
	}
}

// mailpitBinary finds mailpit on PATH or in GOPATH/bin.
func mailpitBinary() string {
	if p, err := exec.LookPath("mailpit"); err == nil {
		return p
	}
	for _, dir := range filepath.SplitList(build.Default.GOPATH) {
		p := filepath.Join(dir, "bin", "mailpit")
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p
		}
	}
	return ""
}

func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startMailpit starts mailpit on loopback ports, accepting the SMTP user
// analyst with password secret, or skips the test when it is not
// installed (go install github.com/axllent/mailpit@v1.27.11). extra are
// more mailpit flags.
func startMailpit(t *testing.T, extra ...string) *mailpit {
	t.Helper()
	bin := mailpitBinary()
	if bin == "" {
		t.Skip("mailpit not installed (go install github.com/axllent/mailpit@v1.27.11)")
	}
	auth := filepath.Join(t.TempDir(), "smtp-users")
	writeTestFile(t, auth, "analyst:secret\n")
	smtpPort, httpPort := freePort(t), freePort(t)
	mp := &mailpit{smtpAddr: fmt.Sprintf("127.0.0.1:%d", smtpPort), api: fmt.Sprintf("http://127.0.0.1:%d", httpPort)}
	args := append([]string{"--smtp", mp.smtpAddr, "--listen", fmt.Sprintf("127.0.0.1:%d", httpPort),
		"--disable-version-check", "--quiet", "--database", filepath.Join(t.TempDir(), "mailpit.db"),
		"--smtp-auth-file", auth, "--smtp-disable-rdns"}, extra...)
	cmd := exec.Command(bin, args...)
	var logs strings.Builder
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatalf("start mailpit: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	deadline := time.Now().Add(15 * time.Second)
	for {
		resp, err := http.Get(mp.api + "/api/v1/messages")
		if err == nil {
			resp.Body.Close()
			if c, err := net.Dial("tcp", mp.smtpAddr); err == nil {
				c.Close()
				return mp
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("mailpit did not start: %v\n%s", err, logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (mp *mailpit) get(t *testing.T, path string) []byte {
	t.Helper()
	resp, err := http.Get(mp.api + path)
	if err != nil {
		t.Fatalf("mailpit GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("mailpit GET %s: %s %v", path, resp.Status, err)
	}
	return b
}

// messageIDs returns the IDs of the messages mailpit holds.
func (mp *mailpit) messageIDs(t *testing.T) []string {
	t.Helper()
	var list struct{ Messages []struct{ ID string } }
	if err := json.Unmarshal(mp.get(t, "/api/v1/messages"), &list); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, m := range list.Messages {
		ids = append(ids, m.ID)
	}
	return ids
}

// waitMessages waits up to 5 s for n messages and returns the IDs held.
func (mp *mailpit) waitMessages(t *testing.T, n int) []string {
	t.Helper()
	var ids []string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if ids = mp.messageIDs(t); len(ids) >= n {
			break
		}
	}
	return ids
}

// onlyMessage waits for exactly one message and returns it.
func (mp *mailpit) onlyMessage(t *testing.T) mailpitMessage {
	t.Helper()
	ids := mp.waitMessages(t, 1)
	if len(ids) != 1 {
		t.Fatalf("mailpit holds %d messages, want 1", len(ids))
	}
	var m mailpitMessage
	if err := json.Unmarshal(mp.get(t, "/api/v1/message/"+ids[0]), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func (mp *mailpit) attachment(t *testing.T, id, part string) []byte {
	t.Helper()
	return mp.get(t, "/api/v1/message/"+id+"/part/"+part)
}

// selfSignedTLS writes a certificate for 127.0.0.1 and returns its files
// and a client config that trusts it.
func selfSignedTLS(t *testing.T) (certFile, keyFile string, client *tls.Config) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, IsCA: true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	writeTestFile(t, certFile, string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})))
	writeTestFile(t, keyFile, string(pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder})))
	cert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, &tls.Config{RootCAs: pool, ServerName: "127.0.0.1", MinVersion: tls.VersionTLS12}
}

func smallBriefing() *briefing.Briefing {
	a := &article.Article{ID: "a", URL: "https://harbour-times.example/kenya-port", Title: "Kenya to double <Mombasa> port capacity",
		Paragraphs: portStory}
	d := &summarize.Digest{Takeaways: portStory[:1], Region: "Africa", Backend: "extractive", Countries: []string{"KE"}, Warnings: []summarize.Warning{}}
	return briefing.Build([]briefing.Entry{{Article: a, Digest: d}}, []briefing.Skipped{{Source: "broken.html", Reason: "no readable content"}},
		briefing.Options{Title: "Morning briefing", Date: time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)})
}

func testMailer(mp *mailpit) *mailer {
	host, port, _ := net.SplitHostPort(mp.smtpAddr)
	p, _ := strconv.Atoi(port)
	return &mailer{to: []string{"desk@example.org"}, from: "brief@example.org", host: host, port: p,
		user: "analyst", password: "secret", timeout: 10 * time.Second}
}

func TestMailSTARTTLS(t *testing.T) {
	cert, key, clientTLS := selfSignedTLS(t)
	mp := startMailpit(t, "--smtp-tls-cert", cert, "--smtp-tls-key", key, "--smtp-require-starttls")
	m := testMailer(mp)
	m.tlsConfig = clientTLS
	if err := m.send(context.Background(), smallBriefing(), renderOptions{}); err != nil {
		t.Fatalf("send over STARTTLS: %v", err)
	}
	msg := mp.onlyMessage(t)
	if msg.Subject != "Morning briefing — Tuesday, 10 March 2026" {
		t.Errorf("subject = %q", msg.Subject)
	}
	if msg.From.Address != "brief@example.org" || len(msg.To) != 1 || msg.To[0].Address != "desk@example.org" {
		t.Errorf("from %q to %+v", msg.From.Address, msg.To)
	}
	if !strings.Contains(msg.Text, "Mombasa") {
		t.Errorf("plain-text body lacks the story:\n%s", msg.Text)
	}
	if _, ok := renderers["html"]; ok {
		if !strings.Contains(msg.HTML, "&lt;Mombasa&gt;") {
			t.Errorf("HTML body lacks the escaped title:\n%s", msg.HTML)
		}
	}
	if len(msg.Attachments) != 1 {
		t.Fatalf("%d attachments, want 1", len(msg.Attachments))
	}
	att := msg.Attachments[0]
	want := "briefing-2026-03-10.md"
	if _, ok := renderers["pdf"]; ok {
		want = "briefing-2026-03-10.pdf"
	}
	if att.FileName != want {
		t.Errorf("attachment %q, want %q", att.FileName, want)
	}
	body := mp.attachment(t, msg.ID, att.PartID)
	wantBody, err := renderBytes(strings.TrimPrefix(filepath.Ext(want), "."), smallBriefing(), renderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(want, ".pdf") && string(body) != string(wantBody) {
		t.Errorf("attachment differs from the rendering:\n got: %q\nwant: %q", body, wantBody)
	}
	if len(body) == 0 {
		t.Error("attachment is empty")
	}
}

func TestMailRequiresSTARTTLSUnlessInsecure(t *testing.T) {
	mp := startMailpit(t, "--smtp-auth-allow-insecure") // no TLS offered
	m := testMailer(mp)
	err := m.send(context.Background(), smallBriefing(), renderOptions{})
	if err == nil || !strings.Contains(strings.ToLower(err.Error()), "starttls") {
		t.Errorf("send to a server without STARTTLS: err = %v, want a STARTTLS error", err)
	}
	if ids := mp.messageIDs(t); len(ids) != 0 {
		t.Errorf("a message was delivered in clear text: %v", ids)
	}
	m.insecure = true
	m.password = "wrong"
	if err := m.send(context.Background(), smallBriefing(), renderOptions{}); err == nil || !strings.Contains(err.Error(), "535") {
		t.Errorf("send with a wrong password: err = %v, want the server's 535", err)
	}
	m.password = "secret"
	if err := m.send(context.Background(), smallBriefing(), renderOptions{}); err != nil {
		t.Errorf("send with --smtp-insecure: %v", err)
	}
	mp.onlyMessage(t)
}

func TestMailFlagErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		pass string
		want string
	}{
		{"no smtp url", []string{"--mail-to", "a@example.org"}, "", "--smtp-url"},
		{"password in url", []string{"--mail-to", "a@example.org", "--smtp-url", "smtp://u:pw@mail.example.org"}, "", "BRIEF_SMTP_PASSWORD"},
		{"user without password", []string{"--mail-to", "a@example.org", "--smtp-url", "smtp://u@mail.example.org"}, "", "BRIEF_SMTP_PASSWORD is empty"},
		{"bad scheme", []string{"--mail-to", "a@example.org", "--smtp-url", "http://mail.example.org"}, "", "scheme"},
		{"bad address", []string{"--mail-to", "not an address", "--smtp-url", "smtp://mail.example.org"}, "", "--mail-to"},
		{"bad port", []string{"--mail-to", "a@example.org", "--smtp-url", "smtp://mail.example.org:99999"}, "", "port"},
		{"--mail without smtp.to", []string{"--mail", "--smtp-url", "smtp://mail.example.org"}, "", "no recipients"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.vars["BRIEF_SMTP_PASSWORD"] = tt.pass
			code, _, errs := h.run("", append([]string{"briefing", "--date", "2026-03-10"}, tt.args...)...)
			if code != exitUsage || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, exitUsage, tt.want)
			}
		})
	}
}

func TestMailFromConfig(t *testing.T) {
	mp := startMailpit(t, "--smtp-auth-allow-insecure")
	h := newHarness(t)
	h.configFile("smtp:\n  url: smtp://analyst@" + mp.smtpAddr + "\n  from: Desk <desk@example.org>\n  to: [a@example.org, b@example.org]\n  insecure: true\n")
	h.vars["BRIEF_SMTP_PASSWORD"] = "secret"
	h.mustRun(0, jsonlArticle(t, "r", "", "Germany funds Baltic high-speed line", railStory...), "add", "-")
	out := h.mustRun(0, "", "briefing", "--mail")
	if out != "" {
		t.Errorf("briefing --mail without -o or -f wrote to stdout:\n%s", out)
	}
	msg := mp.onlyMessage(t)
	if len(msg.To) != 2 || msg.From.Address != "desk@example.org" {
		t.Errorf("mail from %q to %+v; want desk@example.org to the two configured recipients", msg.From.Address, msg.To)
	}
	if !strings.Contains(msg.Text, "Baltic") {
		t.Errorf("mail body lacks the story:\n%s", msg.Text)
	}
}
