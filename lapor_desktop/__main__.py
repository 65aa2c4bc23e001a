from lapor_desktop.app import main

raise SystemExit(main())
