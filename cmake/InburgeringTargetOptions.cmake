# Warnings and sanitizers are set per target, never as global flags, so a parent
# project that embeds us with add_subdirectory() keeps its own settings.
function(inburgering_target_options target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough
    # GCC 12 warns on designated initialisers that leave members to their default member
    # initialisers (GCC bug 96868, fixed in GCC 13). The records are meant to be built that way.
    -Wno-missing-field-initializers)
  if(INBURGERING_WERROR)
    # -Wrestrict stays a warning: GCC 12 at -O3 reports false positives inside
    # std::string concatenation (GCC bug 105329).
    target_compile_options(${target} PRIVATE -Werror -Wno-error=restrict)
  endif()
  if(INBURGERING_SANITIZE)
    target_compile_options(${target} PRIVATE
      -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()
