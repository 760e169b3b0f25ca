# stosim_layer(NAME [PUBLIC deps...] [PRIVATE deps...]): a static library stosim_NAME (alias
# stosim::NAME) from NAME/*.cpp. A layer with no sources yet is an INTERFACE library, so the
# layering holds before a folder fills up.
function(stosim_layer name)
  cmake_parse_arguments(ARG "" "" "PUBLIC;PRIVATE" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/${name}/*.cpp)
  set(target stosim_${name})
  if(sources)
    add_library(${target} STATIC ${sources})
    target_link_libraries(${target} PUBLIC ${ARG_PUBLIC} PRIVATE ${ARG_PRIVATE} stosim_warnings stosim_sanitizers)
  else()
    add_library(${target} INTERFACE)
    target_link_libraries(${target} INTERFACE ${ARG_PUBLIC})
  endif()
  add_library(stosim::${name} ALIAS ${target})
endfunction()
