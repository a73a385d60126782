"""After the site engine: the checker's engine bundle, the CSP, the offline copy and the hosts' files."""
