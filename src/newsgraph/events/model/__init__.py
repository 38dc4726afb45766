"""The learned event detector's training side and its shipped artefact.

- ``train.toml``   the training settings: sources and their weights, features kept, optimiser, seed;
- ``examples.py``  turns the *tune* parts of the development sets in ``../shared`` into sentence examples;
- ``fit.py``       multinomial logistic regression with set-valued targets, and temperature calibration;
- ``train.py``     the entry point: ``python -m newsgraph.events.model.train`` (``make train-events``);
- ``detector.npz`` the artefact :func:`newsgraph.events.detect.load_detector` reads.

Only *tune* items (:mod:`newsgraph.evaluate.splits`) are ever read for training; a further slice of
tune (``dev_share``, by a separate hash) is held out for choosing settings and fitting the temperature.
"""
