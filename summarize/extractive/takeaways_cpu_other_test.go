//go:build !unix

package extractive

import "time"

// tkCPUTime is not available on this platform.
func tkCPUTime() (time.Duration, bool) { return 0, false }
