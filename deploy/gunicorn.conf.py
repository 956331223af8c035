"""gunicorn for production: `gunicorn -c deploy/gunicorn.conf.py` from the checkout.

Environment variables (besides the app's, docs/deploy.md):
  GUNICORN_BIND     address nginx proxies to (default 127.0.0.1:8000)
  WEB_CONCURRENCY   worker processes (default: 2 per core, plus 1)
  GUNICORN_THREADS  threads per worker (default 1: sync workers behind nginx,
                    which buffers slow clients)
  GUNICORN_ACCESS_LOG  "-" to log each request to stderr too (default: off,
                    nginx logs every request)
"""

import multiprocessing
import os

wsgi_app = "cms.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A request taking longer is stuck (nginx gives up at 35 s): restart the worker.
timeout = 30
graceful_timeout = 30
# Recycle workers now and then, so a slow leak never grows.
max_requests = 2000
max_requests_jitter = 200
# Only nginx on this machine may say a request came over https.
forwarded_allow_ips = "127.0.0.1"
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(L)ss "%({host}i)s"'
