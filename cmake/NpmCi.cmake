# Installs the npm packages package-lock.json names into DIR/node_modules, unless they are
# there already: `cmake -DDIR=adapters/web -DNPM=npm -P NpmCi.cmake`. Every build tree
# shares the one node_modules (the tests import from it), and `npm ci` deletes it first, so
# a second build tree must not reinstall under the feet of tests running from the first.
file(READ ${DIR}/package-lock.json wanted)
set(marker ${DIR}/node_modules/.qujat-installed-lock.json)
if(EXISTS ${marker})
  file(READ ${marker} installed)
  if(installed STREQUAL wanted)
    return()
  endif()
endif()
# Node.js trusts only its own built-in CAs; let npm also trust the system's store, where an
# organisation installs the CA of a proxy it reaches the registry through.
if(NOT DEFINED ENV{NODE_EXTRA_CA_CERTS} AND EXISTS /etc/ssl/certs/ca-certificates.crt)
  set(ENV{NODE_EXTRA_CA_CERTS} /etc/ssl/certs/ca-certificates.crt)
endif()
execute_process(COMMAND ${NPM} ci --no-audit --no-fund --loglevel=error
                WORKING_DIRECTORY ${DIR} RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "npm ci failed in ${DIR}: are the npm registry and Node.js available? (.ci/install-deps)")
endif()
configure_file(${DIR}/package-lock.json ${marker} COPYONLY)
