//go:build race

package tui

// The soaks on the test fixture and the plain course (TestSoak,
// TestSoakWorkspace with the test demos, TestSoakSearch, TestSoakLearning)
// drive one goroutine, the model's, so the race detector learns little
// from their length and makes each step ten times slower (TestSoakLearning
// took 40 s under it): under it they take a fifth of their steps.
// TestSoakChallenges, whose real demos run goroutines of their own, keeps
// all of its steps.
func init() { uiSoakSteps /= 5 }
