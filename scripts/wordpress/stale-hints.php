<?php
// Makes the plugin's kept copy of the tracker's hints what an endpoint upgrade leaves behind: past
// its time, and naming a chunk the endpoint no longer has. Arguments: the site's URL, and how many
// days past its time (none by default: just past).
require __DIR__ . '/load.php';

$folder = guichet_script_folder();
update_option(guichet_tracker_hints_key($folder), array(
    'hints' => sprintf('<link rel="modulepreload" href="%s">', esc_url($folder . 'guichet-tracking-0ld.js')),
    'until' => time() - 1 - (int) ($argv[2] ?? 0) * DAY_IN_SECONDS,
), false);
echo "kept copy made stale\n";
