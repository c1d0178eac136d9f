//go:build race

package raft

// The engine is single-threaded behind the Sim's mutex, so the race
// detector learns nothing from long runs and makes them ten times slower:
// under it the property test's runs are shorter.
func init() { propertySteps = 300 }
