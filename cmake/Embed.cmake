# trigc_embed(OUTPUT file.cc NAMESPACE ns FILES f1 f2 NAMES n1 n2)
# Writes a C++ source that defines `extern const std::string_view <name>` for each file, holding its bytes.
function(trigc_embed)
  cmake_parse_arguments(E "" "OUTPUT;NAMESPACE" "FILES;NAMES" ${ARGN})
  add_custom_command(OUTPUT ${E_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${E_OUTPUT} -DNAMESPACE=${E_NAMESPACE}
            "-DFILES=${E_FILES}" "-DNAMES=${E_NAMES}" -P ${CMAKE_SOURCE_DIR}/cmake/EmbedRun.cmake
    DEPENDS ${E_FILES} ${CMAKE_SOURCE_DIR}/cmake/EmbedRun.cmake
    COMMENT "Embedding ${E_NAMES}" VERBATIM)
endfunction()
