package common

// SGREnd is the index of the 'm' that ends the SGR sequence whose
// parameters start at s[i], or -1 if the sequence there is not SGR. The
// painter and the markdown compactor walk every frame and every render
// byte by byte, which x/ansi's general parser makes several times slower.
func SGREnd(s string, i int) int {
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c == 'm':
			return i
		case c >= '0' && c <= '9' || c == ';' || c == ':':
		default:
			return -1
		}
	}
	return -1
}

// OSCLen is the length of the OSC sequence (a link) s starts with, up to
// BEL or ST, or all of s if it is cut short.
func OSCLen(s string) int {
	for i := 2; i < len(s); i++ {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		}
	}
	return len(s)
}
