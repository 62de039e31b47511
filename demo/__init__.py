"""The demo site: its content as data, its generated images, `seed_demo`, `bench_data`.

Installed by the development and test settings only: production neither installs this app
nor ships it in the Docker image, so none of its commands exist there.
"""
