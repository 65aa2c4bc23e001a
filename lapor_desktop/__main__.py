import multiprocessing

from lapor_desktop.app import main

if __name__ == "__main__":
    # A frozen build (PyInstaller) starts its spawned processes (the demo generator) through
    # this executable: freeze_support runs the child's work and exits there. Guarded, so
    # that a spawned child importing this module does not start the application again.
    multiprocessing.freeze_support()
    raise SystemExit(main())
