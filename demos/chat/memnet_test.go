package chat

import "distlab/demos/chat/chattest"

// memNet is the in-memory network of the package's synctest tests.
type memNet = chattest.Net

func newMemNet() *memNet { return chattest.NewNet() }
