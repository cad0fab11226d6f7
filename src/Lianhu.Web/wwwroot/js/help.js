// The place picker of the public report form: district -> street -> community. Without script all three
// lists show everything (grouped); with it each list offers only the children of the one above.
(function () {
    'use strict';
    var district = document.getElementById('help-district');
    var street = document.getElementById('help-street');
    var community = document.getElementById('help-community');
    if (!district || !street || !community) {
        return;
    }

    function narrow(parent, child) {
        var chosen = parent.value;
        var keep = false;
        Array.prototype.forEach.call(child.querySelectorAll('option[data-parent]'), function (option) {
            var show = !chosen || option.getAttribute('data-parent') === chosen;
            option.hidden = !show;
            option.disabled = !show;
            if (show && option.selected) {
                keep = true;
            }
        });
        Array.prototype.forEach.call(child.querySelectorAll('optgroup'), function (group) {
            var any = group.querySelector('option:not([hidden])');
            group.hidden = !any;
        });
        if (!keep) {
            child.value = '';
        }
    }

    district.addEventListener('change', function () {
        narrow(district, street);
        narrow(street, community);
    });
    street.addEventListener('change', function () {
        narrow(street, community);
    });
    narrow(district, street);
    if (street.value) {
        narrow(street, community);
    }
})();
