"""`make bench`: the server-side speed and size of the model form, against Django's own forms.

`definitions/` holds the two records the browser bench measures against the
react-jsonschema-form anchor: a real FLUX.1 [dev] model record and the
200-input synthetic record (generated with seed 42 by the anchor's
`gen_synthetic.py`), copied so the bench needs nothing outside the repository.
"""
