"""The browser benchmark against the RJSF anchor (`make bench-browser`) and the load test
(`make loadtest`): both drive the app in its production shape from outside, over HTTP."""
