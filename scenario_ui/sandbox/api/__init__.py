"""The Scenario-compatible REST API of the sandbox: request parsing, querying, error shapes."""
