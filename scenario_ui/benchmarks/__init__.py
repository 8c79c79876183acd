"""Speed measurements, never timed tests.

`make bench` (the `bench` command): the server-side speed and size of the model form,
against Django's own forms. `make bench-browser` (`browser.py`): our model page against
the react-jsonschema-form anchor in Chromium. `make loadtest` (`loadtest.py`): locust
against the production server. Both browser and load benches drive the app from
outside, over HTTP; every bench reads its two definitions (a real FLUX.1 [dev] record
and the 200-input synthetic record) from the vendored anchor in `bench/browser/rjsf/defs/`.
"""
