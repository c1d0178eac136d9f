package main

// The replicated store's engine is linked in (its texts register in its
// init) until `distlab kv` uses it; kv.go replaces this file.
import _ "distlab/demos/kv"
