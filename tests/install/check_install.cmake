# Run by ctest (tests/install/CMakeLists.txt): cmake -DBUILD_DIR=... -DPREFIX=... -DGUI=ON|OFF
#   [-DVALIDATE=/usr/bin/desktop-file-validate] -P check_install.cmake
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${rc}):\n${out}\n${err}")
endif()

set(expected
    bin/taskscope
    share/taskscope/lessons/003_five_states.py
    share/taskscope/lessons/README.md
    share/taskscope/workloads/rr_classroom.json
    share/taskscope/workloads/io_two_cores.csv)
if(GUI)
  list(APPEND expected
       share/applications/taskscope.desktop
       share/icons/hicolor/scalable/apps/taskscope.svg)
endif()
foreach(f IN LISTS expected)
  if(NOT EXISTS "${PREFIX}/${f}")
    message(FATAL_ERROR "missing after install: ${PREFIX}/${f}")
  endif()
endforeach()

# Every lesson and workload of the source tree is installed.
get_filename_component(src "${CMAKE_CURRENT_LIST_DIR}/../../resources" ABSOLUTE)
file(GLOB lessons RELATIVE "${src}/lessons" "${src}/lessons/*.py")
file(GLOB workloads RELATIVE "${src}/workloads" "${src}/workloads/*.json" "${src}/workloads/*.csv")
foreach(f IN LISTS lessons)
  if(NOT EXISTS "${PREFIX}/share/taskscope/lessons/${f}")
    message(FATAL_ERROR "lesson not installed: ${f}")
  endif()
endforeach()
foreach(f IN LISTS workloads)
  if(NOT EXISTS "${PREFIX}/share/taskscope/workloads/${f}")
    message(FATAL_ERROR "workload not installed: ${f}")
  endif()
endforeach()

if(GUI)
  file(STRINGS "${PREFIX}/share/applications/taskscope.desktop" lines ENCODING UTF-8)
  foreach(key "[Desktop Entry]" "Type=Application" "Name=Taskscope" "Name[zh_CN]=" "Comment="
              "Comment[zh_CN]=" "Exec=taskscope %f" "Icon=taskscope"
              "Categories=Education;Science;ComputerScience;")
    set(found FALSE)
    foreach(line IN LISTS lines)
      string(FIND "${line}" "${key}" at)
      if(at EQUAL 0)
        set(found TRUE)
      endif()
    endforeach()
    if(NOT found)
      message(FATAL_ERROR "taskscope.desktop has no line starting with \"${key}\"")
    endif()
  endforeach()
  if(VALIDATE)
    execute_process(COMMAND "${VALIDATE}" "${PREFIX}/share/applications/taskscope.desktop"
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "desktop-file-validate: ${out}${err}")
    endif()
  endif()
endif()

# The installed binary runs from its new place.
execute_process(COMMAND "${PREFIX}/bin/taskscope" --version
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "^taskscope [0-9]")
  message(FATAL_ERROR "installed taskscope --version: status ${rc}, output \"${out}${err}\"")
endif()
message(STATUS "install tree OK: ${PREFIX}")
