package extractive

// QuotesCPUTime gives the external benchmark the process CPU time, so it
// can report a rate that does not depend on how busy the machine is.
var QuotesCPUTime = tkCPUTime
