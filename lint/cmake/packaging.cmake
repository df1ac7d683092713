# `cpack -G DEB` (or `cmake --build build --target package`) builds a Debian package of what
# `cmake --install` installs: the zklint binary and its manual page, under /usr.
include(GNUInstallDirs)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} OPTIONAL)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME zklint)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "zklint developers")
set(CPACK_PACKAGE_CONTACT "zklint developers <dev@zklint.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "zklint reads server.properties, zookeeper.properties and zoo.cfg the way Kafka and ZooKeeper do and reports settings they reject, settings they accept but get wrong, and advice. It writes text, JSON, SARIF, GitHub annotations, GitLab Code Quality, Checkstyle and JUnit reports, fixes what is safe to fix, and supports baselines for existing estates.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends: from the libraries the binary links (libc6, libstdc++6, ...)
include(CPack)
